using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Grains.Audit;

/// <summary>
/// Applies a delivered batch one item at a time, events then retractions, so one event that cannot be applied is returned with its
/// reason instead of failing the call, and the rest of the batch still counts.
/// </summary>
internal static class BatchApplier
{
    public static ApplyResult Apply(EventBatch batch, Func<AuditEvent, ApplyOutcome> apply, Action<Retraction> retract)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rejected = new List<RejectedEvent>();
        var applied = 0;
        foreach (var e in batch.Events)
        {
            try
            {
                applied += apply(e) == ApplyOutcome.Duplicate ? 0 : 1;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException or OverflowException)
            {
                // A fold that throws on one event throws on every replay of it: set it aside, keep the batch.
                rejected.Add(new RejectedEvent(e.EventId, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        // Retractions last: an original routed here in the same batch as the addendum that moved it is
        // counted, then taken back, rather than tombstoned first and then counted as a duplicate.
        foreach (var retraction in batch.Retractions)
        {
            retract(retraction);
        }

        return new ApplyResult(applied, rejected);
    }
}
