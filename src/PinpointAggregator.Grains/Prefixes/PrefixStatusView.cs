using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>Builds the operator's view of a prefix from its state.</summary>
internal static class PrefixStatusView
{
    public static PrefixStatus Of(TrailPrefixKey key, TrailPrefixState state, DateTime now)
    {
        var counters = state.Counters;
        var status = new PrefixStatus
        {
            Key = key.Format(),
            CaughtUp = state.CaughtUp,
            BackfillFrom = state.BackfillFrom,
            LastPollAt = state.LastPollAt,
            NextPollAt = state.NextPollAt,
            Interval = state.Interval,
            NewestKey = state.NewestKey,
            NewestEventAt = state.NewestEventAt,
            Lag = now - state.NewestEventAt,
            PendingRetries = state.Retry.Count,
            LastError = state.LastError,
            ConsecutiveFailures = state.ConsecutiveFailures,
            Counters = new PrefixCounters
            {
                FilesRead = counters.FilesRead,
                FilesQuarantined = counters.FilesQuarantined,
                Records = counters.Records,
                Events = counters.Events,
                CompressedBytes = counters.CompressedBytes,
                DecompressedBytes = counters.DecompressedBytes,
                Polls = counters.Polls,
                Requests = new(counters.Requests, StringComparer.Ordinal),
            },
        };
        status.Quarantined.AddRange(state.Quarantined);
        status.Applications.AddRange(state.Applications.Order(StringComparer.Ordinal));
        return status;
    }
}
