using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using static PinpointAggregator.Grains.Tests.Prefixes.Notifications.PrefixCluster;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// <see cref="ITrailPrefixGrain.ReadNotifiedAsync"/> on a real prefix grain: what each notified key costs in GETs
/// and LISTs (the prefix's own counters) and what it answers.
/// </summary>
public sealed class ReadNotifiedTests(PrefixCluster cluster) : IClassFixture<PrefixCluster>
{
    [Fact]
    public async Task ANotifiedKey_IsReadOnceAndApplied_AndASecondNotification_CostsNoGet()
    {
        var prefix = cluster.NewPrefix();
        prefix.Put(T0.AddMinutes(-30), unique: "old");
        await prefix.StartAsync(T0.AddHours(-1));
        var before = await prefix.RequestsAsync();

        var key = prefix.Put(T0.AddMinutes(5));
        prefix.Clock.Advance(TimeSpan.FromMinutes(6));
        var first = await prefix.NotifyAsync(key);
        prefix.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await prefix.NotifyAsync(key);

        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.Read)], first);
        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.AlreadyDone)], second);
        Assert.Equal((before.Lists, before.Gets + 1), await prefix.RequestsAsync());
        var status = await prefix.StatusAsync();
        Assert.Equal((2L, 2L), (status.Counters.FilesRead, (await cluster.Grains.GetGrain<IApplicationGrain>($"{prefix.Account}/us-east-1/app1").GetAuditAsync()).Activity.Events));
        Assert.Equal(
            new PrefixNotificationStatus { Mode = PrefixIngestionMode.Notified, LastNotificationAt = T0.AddMinutes(7), FilesNotified = 2, NotifiedAlreadyDone = 1 },
            status.Notifications);
        Assert.Equal(key, status.NewestKey);
    }
}
