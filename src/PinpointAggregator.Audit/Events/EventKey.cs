namespace PinpointAggregator.Audit.Events;

/// <summary>
/// An event's identity for ordering: its time (UTC), then its event id, ordinally. A total order, used by
/// every "which one wins" rule — deduplication, latest-change registers, recent lists — so none depends on
/// the order events arrive in.
/// </summary>
public readonly record struct EventKey(DateTime Time, string EventId) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var byTime = Time.CompareTo(other.Time);
        return byTime != 0 ? byTime : string.CompareOrdinal(EventId, other.EventId);
    }

    public static bool operator <(EventKey left, EventKey right) => left.CompareTo(right) < 0;

    public static bool operator >(EventKey left, EventKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(EventKey left, EventKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EventKey left, EventKey right) => left.CompareTo(right) >= 0;
}
