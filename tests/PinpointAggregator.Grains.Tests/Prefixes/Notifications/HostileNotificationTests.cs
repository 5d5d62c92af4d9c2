using PinpointAggregator.Abstractions.Contracts;
using static PinpointAggregator.Grains.Tests.Prefixes.Notifications.PrefixCluster;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// Regressions from a hostile review of notification-driven reads: old, forged and stale notifications must neither
/// read a file twice, nor hide a file, nor stop the window listing.
/// </summary>
[Collection(PrefixCluster.Collection)]
public sealed class HostileNotificationTests(PrefixCluster cluster)
{
    /// <summary>
    /// A file read 10 days behind the newest key, whose done key the reconcile then forgot, was read a second time by an
    /// old notification for it (a backlog, a redriven dead-letter queue).
    /// </summary>
    [Fact]
    public async Task ANotificationOlderThanTheDoneKeysRemembered_IsNotReadAgain()
    {
        var prefix = cluster.NewPrefix();
        var old = prefix.Put(T0.AddDays(-10), unique: "old");
        prefix.Put(T0, unique: "new");
        await prefix.StartAsync(T0.AddDays(-11));
        prefix.Clock.Advance(TimeSpan.FromHours(25));
        await prefix.Grain.PollNowAsync();
        var before = await prefix.StatusAsync();

        var answer = await prefix.NotifyAsync(old);

        var status = await prefix.StatusAsync();
        Assert.Equal(2L, before.Counters.FilesRead);
        Assert.True(before.Counters.Reconciles >= 1);
        Assert.Equal([new NotifiedFileResult(old, NotifiedFileOutcome.OutsideRange)], answer);
        Assert.Equal((2L, 0L), (status.Counters.FilesRead, status.Notifications.NotifiedLate));
    }

    /// <summary>
    /// A notification naming keys that do not exist quarantined them as NotFound and recorded them done: an object put
    /// under one of those names later was answered AlreadyDone and never read.
    /// </summary>
    [Fact]
    public async Task AForgedKey_IsMissing_NotDone_AndAnObjectPutUnderItLater_IsRead()
    {
        var prefix = cluster.NewPrefix();
        prefix.Put(T0);
        await prefix.StartAsync(T0.AddHours(-1));
        var forged = Enumerable.Range(0, 20).Select(i => prefix.KeyAt(T0.AddMinutes(-30), "forged" + i)).ToArray();

        var answer = await prefix.NotifyAsync(forged);
        var real = prefix.Put(T0.AddMinutes(-30), unique: "forged7");
        var again = await prefix.NotifyAsync(real);

        var status = await prefix.StatusAsync();
        Assert.All(answer, a => Assert.Equal(NotifiedFileOutcome.Missing, a.Outcome));
        Assert.Equal([new NotifiedFileResult(real, NotifiedFileOutcome.Read)], again);
        Assert.Equal((0L, 2L), (status.Counters.FilesQuarantined, status.Counters.FilesRead));

        // Every GET is counted, also those of the keys that were not there.
        Assert.Equal(22L, status.Counters.Requests["Get"]);
    }

    /// <summary>
    /// A prefix in Fallback got one notification that had waited 5 hours in a backed-up queue: it went back to Notified,
    /// stopped listing its window, and a new file was not read by the next poll.
    /// </summary>
    [Fact]
    public async Task AStaleNotification_DoesNotEndAFallback_NorStopTheWindowListing()
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        var first = prefix.Put(T0.AddMinutes(5), unique: "first");
        prefix.Clock.Set(T0.AddMinutes(6));
        await prefix.NotifyAsync(first);
        prefix.Clock.Set(T0.AddMinutes(6) + QuietAfter + TimeSpan.FromMinutes(1));
        prefix.Put(prefix.Clock.Now.AddMinutes(-1), unique: "unnotified");
        await prefix.Grain.PollNowAsync();
        Assert.Equal(PrefixIngestionMode.Fallback, (await prefix.StatusAsync()).Notifications.Mode);

        var stale = await prefix.Grain.ReadNotifiedAsync([new NotifiedFile(first, T0.AddMinutes(5), prefix.Clock.Now.AddHours(-5))]);
        prefix.Clock.Advance(TimeSpan.FromMinutes(5));
        prefix.Put(prefix.Clock.Now.AddMinutes(-1), unique: "new");
        await prefix.Grain.PollNowAsync();

        var status = await prefix.StatusAsync();
        Assert.Equal(NotifiedFileOutcome.AlreadyDone, stale[0].Outcome);
        Assert.Equal(PrefixIngestionMode.Fallback, status.Notifications.Mode);
        Assert.Equal(3L, status.Counters.FilesRead);
    }
}
