using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// What an applied event contributed to the counts, kept per deduplication id so a later delivery is
/// recognised and an addendum can take back its original's contribution before adding its own.
/// </summary>
public sealed record EventStamp(
    DateTime At,
    string EventId,
    bool IsAddendum,
    string EventName,
    string? ErrorCode,
    string Caller,
    bool IsWrite,
    bool Unresolved = false,
    bool Retracted = false)
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
        return new(e.Key.Time, e.EventId, e.IsAddendum, e.EventName, e.ErrorCode, e.Caller.DisplayName, e.IsWrite, e.Target.UnresolvedApplicationId is not null);
    }

    /// <summary>Whether a delivery with this identity replaces this one: the scan's rule, <see cref="EventOrder.Supersedes(bool, DateTime, string, bool, DateTime, string)"/>.</summary>
    public bool IsSupersededBy(bool isAddendum, DateTime at, string eventId) =>
        EventOrder.Supersedes(isAddendum, at, eventId, IsAddendum, At, EventId);

    /// <summary>Whether <paramref name="candidate"/> replaces this delivery: the scan's rule, <see cref="EventOrder.Supersedes(bool, DateTime, string, bool, DateTime, string)"/>.</summary>
    public bool IsSupersededBy(AuditEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return IsSupersededBy(candidate.IsAddendum, candidate.Key.Time, candidate.EventId);
    }
}
