using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;
using Mode = PinpointAggregator.Abstractions.Contracts.PrefixIngestionMode;
using QueueCounters = PinpointAggregator.Abstractions.Contracts.NotificationQueueCounters;

namespace PinpointAggregator.Api.Tests.Notifications;

/// <summary>A prefix's notification status as <c>Prefix.notifications</c>, what an account's prefixes add up to, and a queue's status as <c>NotificationQueue</c>.</summary>
public sealed class NotificationMappingTests
{
    private const string Account = "111111111111";
    private static readonly DateTime Noon = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static PrefixStatus Prefix(string region, PrefixNotificationStatus notifications) =>
        new() { Key = $"bucket/AWSLogs/{Account}/CloudTrail/{region}/", Notifications = notifications };

    private static readonly PrefixNotificationStatus FellBack = new()
    {
        Mode = Mode.Fallback,
        LastNotificationAt = Noon.AddMinutes(-42),
        FilesNotified = 120,
        NotifiedAlreadyDone = 7,
        NotifiedLate = 2,
        FallbackSince = Noon,
        FallbackReason = "no notification for 42m while 3 files arrived",
        Fallbacks = 3,
    };

    private static readonly PrefixNotificationStatus Notified = new()
    {
        Mode = Mode.Notified,
        LastNotificationAt = Noon.AddMinutes(5),
        FilesNotified = 30,
        NotifiedAlreadyDone = 1,
        Fallbacks = 1,
    };

    [Fact]
    public void PrefixNotifications_CarriesEveryField()
    {
        var notifications = Prefix("eu-west-1", FellBack).ToProto().Notifications;

        Assert.Equal(
            (V1.PrefixIngestionMode.Fallback, Timestamp.FromDateTime(Noon.AddMinutes(-42)), 120L, 7L, 2L, Timestamp.FromDateTime(Noon), "no notification for 42m while 3 files arrived", 3L),
            (notifications.Mode, notifications.LastNotificationTime, notifications.FilesNotified, notifications.NotifiedAlreadyDone, notifications.NotifiedLate,
                notifications.FallbackSince, notifications.FallbackReason, notifications.Fallbacks));
    }

    [Fact]
    public void PrefixNotifications_OfAPollingPrefixNeverNotified_IsPollingWithNoTimes()
    {
        var notifications = Prefix("us-east-1", new PrefixNotificationStatus()).ToProto().Notifications;

        Assert.Equal((V1.PrefixIngestionMode.Polling, null, null, string.Empty, 0L), (notifications.Mode, notifications.LastNotificationTime, notifications.FallbackSince, notifications.FallbackReason, notifications.Fallbacks));
    }

    [Theory]
    [InlineData(Mode.Polling, V1.PrefixIngestionMode.Polling)]
    [InlineData(Mode.Notified, V1.PrefixIngestionMode.Notified)]
    [InlineData(Mode.Fallback, V1.PrefixIngestionMode.Fallback)]
    [InlineData((Mode)17, V1.PrefixIngestionMode.Polling)]
    public void EveryMode_HasItsApiMode_AnUnknownOneReadsAsPolling(Mode mode, V1.PrefixIngestionMode expected)
    {
        Assert.Equal(expected, NotificationMapping.ToProto(mode));
    }

    [Fact]
    public void EveryServiceMode_HasAnApiModeOfTheSameName()
    {
        foreach (var mode in System.Enum.GetValues<Mode>())
        {
            Assert.Equal(mode.ToString(), NotificationMapping.ToProto(mode).ToString());
        }
    }

    [Fact]
    public void AccountNotifications_AddsUpItsPrefixes_PerMode_NewestNotification_OldestFallback()
    {
        var status = new AccountStatus { Account = Account };
        var prefixes = new[]
        {
            Prefix("eu-west-1", FellBack),
            Prefix("eu-west-2", FellBack with { FallbackSince = Noon.AddHours(-2), LastNotificationAt = Noon.AddHours(-3) }),
            Prefix("us-east-1", Notified),
            Prefix("us-west-2", new PrefixNotificationStatus()),
        };

        var summary = status.ToProto(prefixes).Notifications;

        Assert.Equal((4, 1, 1, 2, 270L, 15L, 4L, 7L), (summary.Prefixes, summary.PrefixesPolling, summary.PrefixesNotified, summary.PrefixesFallback,
            summary.FilesNotified, summary.NotifiedAlreadyDone, summary.NotifiedLate, summary.Fallbacks));
        Assert.Equal(Timestamp.FromDateTime(Noon.AddMinutes(5)), summary.LastNotificationTime);
        Assert.Equal(Timestamp.FromDateTime(Noon.AddHours(-2)), summary.OldestFallbackSince);
    }

    [Fact]
    public void AccountNotifications_OfPollingPrefixesOnly_HasNoTimes()
    {
        var summary = new AccountStatus { Account = Account }.ToProto([Prefix("us-east-1", new PrefixNotificationStatus())]).Notifications;

        Assert.Equal((1, 1, 0, 0, null, null), (summary.Prefixes, summary.PrefixesPolling, summary.PrefixesNotified, summary.PrefixesFallback, summary.LastNotificationTime, summary.OldestFallbackSince));
    }

    [Fact]
    public void AnAccountWithAPrefixInFallback_HasProblems_NotifiedOrOnceFallenBackHasNone()
    {
        var status = new AccountStatus { Account = Account };

        Assert.True(AccountMapping.HasProblems(status, [Prefix("eu-west-1", FellBack)]));
        Assert.False(AccountMapping.HasProblems(status, [Prefix("us-east-1", Notified), Prefix("us-west-2", new PrefixNotificationStatus { Fallbacks = 4 })]));
    }

    [Fact]
    public void Queue_CarriesTheSumEverySiloInNameOrderAndTheQueuesCounts()
    {
        var siloB = new QueueCounters
        {
            MessagesReceived = 40,
            MessagesDeleted = 38,
            SetAsideByReason = new Dictionary<string, long> { ["ForeignBucket"] = 1 },
            KeysRouted = 55,
            Requests = new Dictionary<string, long> { ["SqsReceive"] = 9, ["SqsDelete"] = 4 },
            OldestMessageAge = TimeSpan.FromSeconds(3),
            LatencyP50 = TimeSpan.FromMilliseconds(400),
            LatencyP99 = TimeSpan.FromMilliseconds(1500),
            LastReceiveAt = Noon,
        };
        var siloA = new QueueCounters { MessagesReceived = 2, LastError = "AWS.SimpleQueueService.NonExistentQueue: the queue does not exist" };
        var total = siloB with { MessagesReceived = 42, LastError = siloA.LastError };
        var status = new NotificationQueueStatus
        {
            Queue = "trail-events",
            Total = total,
            Silos = new Dictionary<string, QueueCounters> { ["silo-b"] = siloB, ["silo-a"] = siloA },
            Visible = 12,
            InFlight = 0,
            UpdatedAt = Noon.AddSeconds(4),
        };
        var options = new NotificationQueueOptions { Url = "https://sqs.eu-west-1.amazonaws.com/123456789012/trail-events", RoleArn = "arn:aws:iam::123456789012:role/reader" };

        var queue = status.ToProto(options);

        Assert.Equal(("trail-events", options.Url, 12L, true, 0L, true, Timestamp.FromDateTime(Noon.AddSeconds(4))),
            (queue.Name, queue.Url, queue.Visible, queue.HasVisible, queue.InFlight, queue.HasInFlight, queue.UpdatedTime));
        Assert.Equal(["silo-a", "silo-b"], queue.Silos.Select(s => s.Silo));
        var t = queue.Total;
        Assert.Equal((42L, 38L, 55L, Duration.FromTimeSpan(TimeSpan.FromSeconds(3)), Duration.FromTimeSpan(TimeSpan.FromMilliseconds(400)), Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1500)), Timestamp.FromDateTime(Noon), siloA.LastError),
            (t.MessagesReceived, t.MessagesDeleted, t.KeysRouted, t.OldestMessageAge, t.LatencyP50, t.LatencyP99, t.LastReceiveTime, t.LastError));
        Assert.Equal([("ForeignBucket", 1L)], t.SetAsideByReason.Select(r => (r.Key, r.Value)));
        Assert.Equal([("SqsDelete", 4L), ("SqsReceive", 9L)], t.Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)));
        var a = queue.Silos[0].Counters;
        Assert.Equal((2L, 0L, null, null, siloA.LastError), (a.MessagesReceived, a.MessagesDeleted, a.OldestMessageAge, a.LastReceiveTime, a.LastError));
        // The role is configuration, not status: never sent.
        Assert.DoesNotContain("role", Google.Protobuf.JsonFormatter.Default.Format(queue), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Queue_NoSiloReportedYet_HasNoCountsOfTheQueueAndNoTimes()
    {
        var queue = new NotificationQueueStatus { Queue = "q" }.ToProto(new NotificationQueueOptions { Url = "https://sqs.us-east-1.amazonaws.com/123456789012/q", Name = "q" });

        Assert.Equal(("q", false, false, null, 0L), (queue.Name, queue.HasVisible, queue.HasInFlight, queue.UpdatedTime, queue.Total.MessagesReceived));
        Assert.Empty(queue.Silos);
    }
}
