using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// One successful call that changed something: when, by whom, which event. Registers that keep "the
/// latest change" compare by (<see cref="At"/>, <see cref="EventId"/>), so the result does not depend on
/// the order events arrive in.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.Change")]
public sealed record Change(
    [property: Id(0)] DateTime At,
    [property: Id(1)] string By,
    [property: Id(2)] string EventId,
    [property: Id(3)] string EventName)
{
    public static Change Of(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.At, e.Caller, e.DeduplicationId, e.EventName);
    }

    /// <summary>Orders changes by time, then event id (<see cref="Audit.Events.EventOrder"/>): the order every register uses.</summary>
    public int CompareTo(Change other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Audit.Events.EventOrder.Compare(At, EventId, other.At, other.EventId);
    }
}
