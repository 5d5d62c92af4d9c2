namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// The order of every time-ordered result: event time, then event id, then target, the texts compared
/// ordinally (by UTF-16 code unit; the PostgreSQL store compares them with the "C" collation, which
/// orders the same for the ASCII that event ids and targets are made of).
/// </summary>
public static class EventPositionOrder
{
    public static int Compare(EventPosition left, EventPosition right)
    {
        var byTime = left.EventTime.CompareTo(right.EventTime);
        if (byTime != 0)
        {
            return byTime;
        }

        var byId = string.CompareOrdinal(left.EventId, right.EventId);
        return byId != 0 ? byId : string.CompareOrdinal(left.Target, right.Target);
    }
}
