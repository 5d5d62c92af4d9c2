using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// One successful call that changed something: when, by whom, which event. Registers that keep "the
/// latest change" compare by (<see cref="At"/>, <see cref="EventId"/>), so the result does not depend on
/// the order events arrive in.
/// </summary>
public sealed record Change(DateTime At, string By, string EventId, string EventName)
{
    public static Change Of(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Key.Time, e.Caller.DisplayName, e.DeduplicationId, e.EventName);
    }

    /// <summary>Orders changes by <see cref="EventKey"/>: the order every register uses.</summary>
    public int CompareTo(Change other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new EventKey(At, EventId).CompareTo(new EventKey(other.At, other.EventId));
    }
}
