using System.Diagnostics.Metrics;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Infrastructure;
using static PinpointAggregator.Grains.Tests.Prefixes.Notifications.PrefixCluster;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// The polls of a prefix that receives notifications, counted LIST by LIST: no window listing while notifications
/// come, the reconcile as a safety net, digests now and then, and polling again when they stop.
/// </summary>
[Collection(PrefixCluster.Collection)]
public sealed class NotificationModeTests(PrefixCluster cluster)
{
    [Fact]
    public async Task ANotifiedPrefix_ListsNoWindow_AndWakesAtItsQuietDeadline()
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        var lists = new List<long>();
        for (var minute = 5; minute <= 25; minute += 5)
        {
            prefix.Clock.Set(T0.AddMinutes(minute));
            await prefix.NotifyAsync(prefix.Put(T0.AddMinutes(minute), unique: $"m{minute}"));
            await prefix.Grain.PollNowAsync();
            lists.Add((await prefix.RequestsAsync()).Lists);
        }

        var status = await prefix.StatusAsync();
        Assert.Equal([1, 1, 1, 1, 1], lists);
        Assert.Equal((5L, 5L, PrefixIngestionMode.Notified), (status.Counters.FilesRead, status.Counters.Requests[RequestKinds.Get], status.Notifications.Mode));

        // Nothing waits and the reconcile is hours away: the next poll is at the quiet deadline.
        Assert.Equal(T0.AddMinutes(25) + QuietAfter, status.NextPollAt);
        Assert.Equal(T0.AddMinutes(25), status.ReadThrough);
    }

    [Fact]
    public async Task AFileWhoseNotificationNeverCame_IsReadByTheNextReconcile_WhichListsThroughToTheNewestKeys()
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        var notified = prefix.Put(T0.AddMinutes(5), unique: "notified");
        prefix.Clock.Set(T0.AddMinutes(6));
        await prefix.NotifyAsync(notified);
        prefix.Put(T0.AddMinutes(10), application: "app2", unique: "lost");

        // The first reconcile is due at most one ReconcileInterval after the first poll; a notification keeps the mode.
        prefix.Clock.Set(T0 + ReconcileInterval + TimeSpan.FromMinutes(1));
        await prefix.NotifyAsync(notified);
        await prefix.Grain.PollNowAsync();
        var reconciled = await prefix.StatusAsync();
        prefix.Clock.Advance(TimeSpan.FromMinutes(5));
        await prefix.NotifyAsync(notified);
        await prefix.Grain.PollNowAsync();

        Assert.Equal((1L, 1L, 2L, 0L), (reconciled.Counters.Reconciles, reconciled.Counters.FilesReconciled, reconciled.Counters.FilesRead, reconciled.Counters.FilesMissed));
        Assert.Equal((2L, 2L), await prefix.RequestsAsync());
        Assert.Equal(PrefixIngestionMode.Notified, (await prefix.StatusAsync()).Notifications.Mode);
        Assert.Equal(1, (await cluster.Grains.GetGrain<Abstractions.Grains.IApplicationGrain>($"{prefix.Account}/us-east-1/app2").GetAuditAsync()).Activity.Events);
    }

    [Fact]
    public async Task QuietWhileTheTrailIsQuiet_ListsTheWindowAgain_AndPolls_WithoutAFallback()
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        prefix.Clock.Set(T0.AddMinutes(2));
        await prefix.NotifyAsync(prefix.Put(T0.AddMinutes(1)));

        prefix.Clock.Set(T0.AddMinutes(2) + QuietAfter - TimeSpan.FromMinutes(1));
        await prefix.Grain.PollNowAsync();
        var stillNotified = await prefix.StatusAsync();
        prefix.Clock.Set(T0.AddMinutes(2) + QuietAfter);
        await prefix.Grain.PollNowAsync();
        var quiet = await prefix.StatusAsync();

        Assert.Equal((PrefixIngestionMode.Notified, 1L), (stillNotified.Notifications.Mode, stillNotified.Counters.Requests[RequestKinds.List]));
        Assert.Equal((PrefixIngestionMode.Polling, 2L, 0L, null), (quiet.Notifications.Mode, quiet.Counters.Requests[RequestKinds.List], quiet.Notifications.Fallbacks, quiet.Notifications.FallbackSince));
        Assert.Equal(T0.AddMinutes(2) + QuietAfter, quiet.ReadThrough);
    }

    [Fact]
    public async Task QuietWhileFilesArrive_FallsBack_WithItsReasonAndCounter_UntilANotificationComes()
    {
        var prefix = cluster.NewPrefix();
        using var fallbacks = new FallbackCounter(prefix.Account);
        await prefix.StartAsync(T0.AddHours(-1));
        await prefix.NotifyAsync(prefix.Put(T0.AddMinutes(-1), unique: "notified"));
        foreach (var minute in new[] { 10, 20, 30 })
        {
            prefix.Put(T0.AddMinutes(minute), unique: $"silent{minute}");
        }

        var quiet = T0 + QuietAfter + TimeSpan.FromMinutes(12);
        prefix.Clock.Set(quiet);
        await prefix.Grain.PollNowAsync();
        var fellBack = await prefix.StatusAsync();
        prefix.Clock.Set(quiet.AddMinutes(3));
        await prefix.Grain.PollNowAsync();
        var stillFallback = await prefix.StatusAsync();
        prefix.Clock.Set(quiet.AddMinutes(8));
        await prefix.NotifyAsync(prefix.Put(quiet.AddMinutes(7), unique: "back"));
        await prefix.Grain.PollNowAsync();
        var back = await prefix.StatusAsync();

        Assert.Equal(
            new PrefixNotificationStatus
            {
                Mode = PrefixIngestionMode.Fallback, LastNotificationAt = T0, FilesNotified = 1, FallbackSince = quiet,
                FallbackReason = "no notification for 2h 12m while 3 files arrived", Fallbacks = 1,
            },
            fellBack.Notifications);
        Assert.Equal((4L, 4L, 2L), (fellBack.Counters.FilesRead, fellBack.Counters.Requests[RequestKinds.Get], fellBack.Counters.Requests[RequestKinds.List]));
        Assert.Equal((PrefixIngestionMode.Fallback, 3L), (stillFallback.Notifications.Mode, stillFallback.Counters.Requests[RequestKinds.List]));
        Assert.Equal(1, fallbacks.Total);
        Assert.Equal(
            new PrefixNotificationStatus { Mode = PrefixIngestionMode.Notified, LastNotificationAt = quiet.AddMinutes(8), FilesNotified = 2, Fallbacks = 1 },
            back.Notifications);
        Assert.Equal((5L, 3L), (back.Counters.FilesRead, back.Counters.Requests[RequestKinds.List]));
    }

    [Fact]
    public async Task ANotifiedPrefix_FollowsItsDigests_EveryDigestListInterval()
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        var key = prefix.Put(T0);
        var digestLists = new List<long>();

        // Every 20 minutes for 3 hours: a notification (so the mode holds) and a poll.
        for (var minutes = 0; minutes <= 180; minutes += 20)
        {
            prefix.Clock.Set(T0.AddMinutes(minutes + 1));
            await prefix.NotifyAsync(key);
            await prefix.Grain.PollNowAsync();
            digestLists.Add((await prefix.StatusAsync()).Counters.Requests.GetValueOrDefault(RequestKinds.DigestList));
        }

        // The first poll (polling) listed the folder. A polling prefix would list it again every 15 minutes or when the
        // hour turns (7 more times by 13:01); the notified one follows its digests at 10:01 (its folder listed a minute
        // before: not due yet) and next at 13:01, three hours later.
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 2], digestLists);
    }

    /// <summary>Counts <c>pinpoint.notifications.fallbacks</c> for one account, from whichever silo in this process.</summary>
    private sealed class FallbackCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public FallbackCounter(string account)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IngestionMetrics.MeterName && instrument.Name == "pinpoint.notifications.fallbacks")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "account" && Equals(tag.Value, account))
                    {
                        Interlocked.Add(ref _total, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
