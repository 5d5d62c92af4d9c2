using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>Builds the operator's view of a prefix from its state: the one place state becomes a contract.</summary>
internal static class PrefixStatusView
{
    public static PrefixStatus Of(TrailPrefixKey key, PrefixLedger ledger, IngestionOptions options, DateTime now)
    {
        var state = ledger.State;
        var counters = state.Counters;
        return new PrefixStatus
        {
            Key = key.Format(),
            CaughtUp = state.CaughtUp,
            BackfillFrom = state.BackfillFrom,
            LastPollAt = state.LastPollAt,
            NextPollAt = state.NextPollAt,
            Interval = state.Interval,
            NewestKey = state.NewestKey,
            NewestEventAt = state.NewestEventAt,
            ReadThrough = state.ReadThrough,
            Lag = state.Started ? ledger.Lag(now) : null,
            PendingRetries = state.Retry.Count,
            StuckFiles = ledger.StuckFiles(now),
            UndeliveredBatches = state.Undelivered.Count,
            LastError = state.LastError,
            ConsecutiveFailures = state.ConsecutiveFailures,
            Quarantined = [.. state.Quarantined],
            Applications = [.. state.Applications.Order(StringComparer.Ordinal)],
            Retrying = [.. state.Retry
                .OrderBy(p => p.Value.FirstFailedAt).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new RetryingFile(p.Key, p.Value.Attempts, p.Value.FirstFailedAt, p.Value.NextAttemptAt, p.Value.LastError, ledger.IsStuck(p.Value, now)))],
            SetAside = [.. state.SetAside],
            FutureDatedKeys = [.. state.FutureDatedKeys],
            FutureKeysCappedAt = state.FutureKeysCappedAt,
            Missed = [.. state.Missed],
            NextReconcileAt = state.NextReconcileAt,
            ReconcileInProgress = state.ReconcileAfter is not null,
            Paused = state.PausedAt is not null,
            PausedAt = state.PausedAt,
            PausedReason = state.PausedReason,
            RereadFrom = state.RereadFrom,
            RereadUntil = state.RereadUntil,
            Notifications = Notifications(state.Notifications),
            Counters = new PrefixCounters
            {
                FilesRead = counters.FilesRead,
                FilesQuarantined = counters.FilesQuarantined,
                Records = counters.Records,
                Events = counters.Events,
                CompressedBytes = counters.CompressedBytes,
                DecompressedBytes = counters.DecompressedBytes,
                Polls = counters.Polls,
                Requests = new Dictionary<string, long>(counters.Requests, StringComparer.Ordinal),
                FutureDatedKeys = counters.FutureDatedKeys,
                DuplicatesDropped = counters.DuplicatesDropped,
                EventsSetAside = counters.EventsSetAside,
                FilesMissed = counters.FilesMissed,
                Reconciles = counters.Reconciles,
                FilesReconciled = counters.FilesReconciled,
            },
        };
    }

    private static PrefixNotificationStatus Notifications(PrefixNotificationState notifications) => new()
    {
        Mode = notifications.Mode,
        LastNotificationAt = notifications.LastNotificationAt,
        FilesNotified = notifications.FilesNotified,
        NotifiedAlreadyDone = notifications.NotifiedAlreadyDone,
        NotifiedLate = notifications.NotifiedLate,
        FallbackSince = notifications.FallbackSince,
        FallbackReason = notifications.FallbackReason,
        Fallbacks = notifications.Fallbacks,
    };
}
