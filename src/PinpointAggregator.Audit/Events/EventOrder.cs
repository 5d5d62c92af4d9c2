namespace PinpointAggregator.Audit.Events;

/// <summary>
/// The one order every "which one wins" choice uses — the offline scan, the grains' deduplication, their
/// latest-change registers and recent lists — so they agree, and no choice depends on arrival order.
/// </summary>
public static class EventOrder
{
    /// <summary>Orders events by time (UTC), then event id, ordinally: <see cref="EventKey"/>'s total order.</summary>
    public static int Compare(DateTime timeA, string idA, DateTime timeB, string idB) =>
        new EventKey(timeA, idA).CompareTo(new EventKey(timeB, idB));

    /// <summary>
    /// Whether a delivery replaces the one kept under the same deduplication id: an addendum beats the
    /// original; between two of the same kind the later one in <see cref="Compare"/> wins.
    /// </summary>
    public static bool Supersedes(bool candidateIsAddendum, DateTime candidateTime, string candidateId, bool keptIsAddendum, DateTime keptTime, string keptId) =>
        candidateIsAddendum != keptIsAddendum
            ? candidateIsAddendum
            : Compare(candidateTime, candidateId, keptTime, keptId) > 0;

    /// <summary><see cref="Supersedes(bool, DateTime, string, bool, DateTime, string)"/> for two events.</summary>
    public static bool Supersedes(AuditEvent candidate, AuditEvent kept)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(kept);
        return Supersedes(candidate.IsAddendum, candidate.Key.Time, candidate.EventId, kept.IsAddendum, kept.Key.Time, kept.EventId);
    }
}
