using System.Globalization;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Api.V1;
using static PinpointAggregator.Api.Mapping.ProtoTime;

namespace PinpointAggregator.Api.Mapping;

/// <summary>What a prefix is doing or waiting for, from its status, as <see cref="Operation"/> messages (none for a quiet prefix).</summary>
internal static class OperationMapping
{
    public static IEnumerable<Operation> Operations(PrefixStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var key = TrailPrefixKey.Parse(status.Key);
        Operation Make(Operation.Types.Kind kind, string detail, DateTime? since) => new()
        {
            Kind = kind,
            Prefix = status.Key,
            Account = key.Account,
            Region = key.Region,
            Detail = detail,
            Since = ToTimestamp(since),
        };

        if (status.Paused)
        {
            yield return Make(Operation.Types.Kind.Paused, status.PausedReason ?? string.Empty, status.PausedAt);
        }

        if (status.RereadFrom is { } from && status.RereadUntil is { } until)
        {
            yield return Make(Operation.Types.Kind.Reread, $"files delivered from {Iso(from)} until {Iso(until)}", null);
        }

        // A prefix that is behind without failing is on its first pass (or catching up after a pause).
        if (!status.CaughtUp && status.ConsecutiveFailures == 0 && !status.Paused)
        {
            yield return Make(Operation.Types.Kind.Backfill, $"reading files delivered since {Iso(status.BackfillFrom)}; {status.Counters.FilesRead} read so far", status.BackfillFrom);
        }

        if (status.ConsecutiveFailures > 0 || status.PendingRetries > 0)
        {
            var detail = status.ConsecutiveFailures > 0
                ? $"{status.ConsecutiveFailures} polls failed in a row: {status.LastError}"
                : $"{status.PendingRetries} files waiting for a retry ({status.StuckFiles} stuck)";
            yield return Make(Operation.Types.Kind.Retrying, detail, status.Retrying.Count > 0 ? status.Retrying[0].FirstFailedAt : null);
        }

        if (status.ReconcileInProgress)
        {
            yield return Make(Operation.Types.Kind.Reconcile, "listing the late-arrival horizon, a few pages per poll", null);
        }
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
