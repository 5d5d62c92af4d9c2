using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Grains.Audit;

/// <summary>
/// What an applied event contributed to the counts, kept per deduplication id so a later delivery is
/// recognised and an addendum can take back its original's contribution before adding its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.EventStamp")]
public sealed record EventStamp(
    [property: Id(0)] DateTime At,
    [property: Id(1)] string EventId,
    [property: Id(2)] bool IsAddendum,
    [property: Id(3)] string EventName,
    [property: Id(4)] string? ErrorCode,
    [property: Id(5)] string Caller,
    [property: Id(6)] bool IsWrite,
    [property: Id(7)] bool Unresolved = false,
    [property: Id(8)] bool Retracted = false)
{
    /// <summary>
    /// A tombstone: the delivery that supersedes this id was counted at another target, so this grain holds
    /// no contribution for it, and an original arriving later is a duplicate.
    /// </summary>
    public static EventStamp Tombstone(Retraction retraction)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        return new(retraction.At, retraction.EventId, retraction.IsAddendum, string.Empty, null, string.Empty, false, Retracted: true);
    }

    /// <summary>Whether this delivery counted here (and so a successful write here counted as a change).</summary>
    public bool Counted => !Retracted;

    public static EventStamp Of(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.At, e.EventId, e.IsAddendum, e.EventName, e.ErrorCode, e.Caller, e.IsWrite, e.UnresolvedTarget is not null);
    }

    /// <summary>Whether a delivery with this identity replaces this one: the scan's rule, <see cref="global::PinpointAggregator.Audit.Events.EventOrder.Supersedes(bool, DateTime, string, bool, DateTime, string)"/>.</summary>
    public bool IsSupersededBy(bool isAddendum, DateTime at, string eventId) =>
        global::PinpointAggregator.Audit.Events.EventOrder.Supersedes(isAddendum, at, eventId, IsAddendum, At, EventId);

    /// <summary>Whether <paramref name="candidate"/> replaces this delivery: the scan's rule, <see cref="global::PinpointAggregator.Audit.Events.EventOrder.Supersedes(bool, DateTime, string, bool, DateTime, string)"/>.</summary>
    public bool IsSupersededBy(AuditEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return IsSupersededBy(candidate.IsAddendum, candidate.At, candidate.EventId);
    }
}
