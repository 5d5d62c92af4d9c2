using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Notifications;

namespace PinpointAggregator.Grains.Tests.Notifications;

public sealed class NotificationQueueGrainTests
{
    [Fact]
    public void SilosCounts_AddUp_AndGaugesTakeTheLargestOrNewest()
    {
        var at = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        var one = new NotificationQueueCounters
        {
            MessagesReceived = 10,
            MessagesDeleted = 9,
            SetAsideByReason = new Dictionary<string, long> { ["NotJson"] = 1, ["ForeignBucket"] = 2 },
            KeysRouted = 12,
            Requests = new Dictionary<string, long> { ["SqsReceive"] = 5, ["SqsDelete"] = 3 },
            OldestMessageAge = TimeSpan.FromSeconds(3),
            LatencyP50 = TimeSpan.FromSeconds(1),
            LatencyP99 = TimeSpan.FromSeconds(4),
            LastReceiveAt = at,
        };
        var two = new NotificationQueueCounters
        {
            MessagesReceived = 5,
            MessagesDeleted = 5,
            SetAsideByReason = new Dictionary<string, long> { ["NotJson"] = 2 },
            KeysRouted = 6,
            Requests = new Dictionary<string, long> { ["SqsReceive"] = 7 },
            OldestMessageAge = TimeSpan.FromSeconds(8),
            LatencyP50 = TimeSpan.FromSeconds(2),
            LatencyP99 = TimeSpan.FromSeconds(2),
            LastReceiveAt = at.AddSeconds(10),
            LastError = "SQS ReceiveMessage on queue q failed: AccessDenied.",
        };

        var sum = NotificationQueueGrain.Sum([one, two]);

        Assert.Equal(15, sum.MessagesReceived);
        Assert.Equal(14, sum.MessagesDeleted);
        Assert.Equal(new Dictionary<string, long> { ["NotJson"] = 3, ["ForeignBucket"] = 2 }, sum.SetAsideByReason);
        Assert.Equal(18, sum.KeysRouted);
        Assert.Equal(new Dictionary<string, long> { ["SqsReceive"] = 12, ["SqsDelete"] = 3 }, sum.Requests);
        Assert.Equal(TimeSpan.FromSeconds(8), sum.OldestMessageAge);
        Assert.Equal(TimeSpan.FromSeconds(2), sum.LatencyP50);
        Assert.Equal(TimeSpan.FromSeconds(4), sum.LatencyP99);
        Assert.Equal(at.AddSeconds(10), sum.LastReceiveAt);
        Assert.Equal("SQS ReceiveMessage on queue q failed: AccessDenied.", sum.LastError);
    }

    [Fact]
    public void NoSilos_SumToNothing()
    {
        var sum = NotificationQueueGrain.Sum([]);

        Assert.Equal(0, sum.MessagesReceived);
        Assert.Null(sum.OldestMessageAge);
        Assert.Empty(sum.Requests);
    }

    [Fact]
    public void LatencyPercentiles_AreNearestRank_OverTheLastSamples()
    {
        var tally = new NotificationQueueTally();
        tally.Deleted(100, Enumerable.Range(1, 100).Select(s => TimeSpan.FromSeconds(s)));

        var counters = tally.Snapshot();

        Assert.Equal(TimeSpan.FromSeconds(50), counters.LatencyP50);
        Assert.Equal(TimeSpan.FromSeconds(99), counters.LatencyP99);
        Assert.Equal(100, counters.MessagesDeleted);

        // Only the last 1,024 count: a slow start is forgotten.
        tally.Deleted(NotificationQueueTally.LatencySamples, Enumerable.Repeat(TimeSpan.FromMilliseconds(300), NotificationQueueTally.LatencySamples));

        Assert.Equal(TimeSpan.FromMilliseconds(300), tally.Snapshot().LatencyP99);
    }
}
