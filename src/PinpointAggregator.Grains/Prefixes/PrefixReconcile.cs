using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.DoneKeys;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// The slow reconcile of a prefix's horizon, without Orleans: when it is due, what it lists, and which
/// unread keys it reads or reports. The grain lists, asks the done-key store, and reads; this decides.
/// </summary>
/// <remarks>
/// Lateness is measured in key time, behind the newest key, like the late-arrival window: the clock says
/// nothing about a trail that is replayed or paused. Between two reconciles the newest key moves on by up
/// to <see cref="IngestionOptions.ReconcileInterval"/>, so the reconcile reads back the horizon plus one
/// interval: a file that lands up to the horizon late is still inside it at the next reconcile.
/// </remarks>
internal sealed class PrefixReconcile(TrailPrefixState state, IngestionOptions options, PrefixLedger ledger, Func<double> random)
{
    /// <summary>
    /// Schedules the first reconcile in the second half of an interval, at random, so prefixes started
    /// together (a whole organization at once) do not all list their horizons at the same moment.
    /// </summary>
    /// <returns>Whether the state changed.</returns>
    public bool EnsureScheduled(DateTime now)
    {
        if (state.NextReconcileAt is not null)
        {
            return false;
        }

        state.NextReconcileAt = now + (options.ReconcileInterval * (0.5 + (0.5 * random())));
        return true;
    }

    /// <summary>
    /// Upgrades a prefix state from before the done-key store: its window's done keys are to go to the store,
    /// and the reconcile never lists before that window, whose older keys the store never saw (listing them
    /// would read days of files again and report the oldest as missed).
    /// </summary>
    /// <returns>The keys to record, or null when the state is current.</returns>
    public List<DoneKey>? Upgrade()
    {
        if (state.Version >= TrailPrefixState.CurrentVersion)
        {
            return null;
        }

        state.DoneKeysFrom = ledger.ListFrom();
        state.Version = TrailPrefixState.CurrentVersion;
        return [.. state.Done.Select(p => new DoneKey(p.Key, p.Value))];
    }

    /// <summary>A reconcile is due, or one is under way; never before the prefix has read a key (nothing can be late yet).</summary>
    public bool IsDue(DateTime now) => state.NewestKeyAt is not null && (state.ReconcileAfter is not null || state.NextReconcileAt <= now);

    /// <param name="until">
    /// Where the listing stops: the late-arrival window's start (null), which the polls list; or, for a prefix in
    /// notification mode whose polls list no window, the newest keys (the clock plus the allowed skew), so a file
    /// whose notification never came is read by the next reconcile.
    /// </param>
    public ReconcileRange Range(DateTime? until = null)
    {
        var newest = state.NewestKeyAt ?? state.BackfillFrom;
        var floor = Max(state.BackfillFrom, state.DoneKeysFrom ?? state.BackfillFrom);
        var readFrom = Max(newest - options.ReconcileHorizon - options.ReconcileInterval, floor);
        var listFrom = Max(readFrom - options.MissedReportBand, floor);
        return new ReconcileRange(ToMinute(listFrom), ToMinute(readFrom), until ?? ledger.ListFrom());
    }

    /// <summary>
    /// The oldest name-time whose done keys the store still holds: what the reconcile lists, or, with notification
    /// queues, at least <c>Ingestion:Notifications:MessageRetention</c> and a day behind the newest key (a message can
    /// wait that long, and its key must still be known as done when it comes). Never before the backfill start or
    /// <see cref="TrailPrefixState.DoneKeysFrom"/>. The reconcile forgets before it; a notified key before it is not read.
    /// </summary>
    public DateTime DoneKeysKeptFrom()
    {
        var listFrom = Range().ListFrom;
        if (!options.Notifications.Enabled)
        {
            return listFrom;
        }

        var floor = Max(state.BackfillFrom, state.DoneKeysFrom ?? state.BackfillFrom);
        var retained = Max((state.NewestKeyAt ?? state.BackfillFrom) - options.Notifications.MessageRetention - TimeSpan.FromDays(1), floor);
        return ToMinute(retained < listFrom ? retained : listFrom);
    }

    /// <summary>
    /// Splits listed keys that are in neither the prefix's state nor the done-key store: from
    /// <see cref="ReconcileRange.ReadFrom"/> on they are read; older ones landed too late and are only reported.
    /// </summary>
    public static ReconcileSort Sort(IEnumerable<(string Key, DateTime Stamp, long? Size)> unread, ReconcileRange range)
    {
        var sort = new ReconcileSort([], []);
        foreach (var file in unread)
        {
            (file.Stamp >= range.ReadFrom ? sort.Read : sort.Missed).Add(file);
        }

        return sort;
    }

    /// <summary>
    /// Counts what a sort found, once its missed keys are in the done-key store (so no later reconcile finds
    /// them again): late files to read, and missed ones, listed with how far behind the newest key they were.
    /// </summary>
    public List<MissedFile> Count(ReconcileSort sort, DateTime now)
    {
        state.Counters.FilesReconciled += sort.Read.Count;
        var missed = new List<MissedFile>();
        foreach (var (key, stamp, _) in sort.Missed)
        {
            var file = new MissedFile(key, stamp, (state.NewestKeyAt ?? now) - stamp, now);
            state.Counters.FilesMissed++;
            ledger.AddBounded(state.Missed, file);
            missed.Add(file);
        }

        return missed;
    }

    /// <summary>The listing reached the window: the next one starts an interval later, a little earlier at random so prefixes drift apart.</summary>
    public void Finished(DateTime now)
    {
        state.ReconcileAfter = null;
        state.Counters.Reconciles++;
        state.NextReconcileAt = now + (options.ReconcileInterval * (1 - (0.1 * random())));
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime ToMinute(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
