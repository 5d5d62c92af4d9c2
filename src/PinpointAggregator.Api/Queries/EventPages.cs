using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Queries;

/// <summary>One page of a time-ordered event result, keyset-paged: reads one row more than the page to know whether another page follows.</summary>
internal static class EventPages
{
    /// <returns>The page, and the position of its last event when more follow (null on the last page).</returns>
    public static async Task<(IReadOnlyList<StoredEvent> Events, EventPosition? Next)> ReadAsync(
        IEventQueries events, EventQuery query, EventPosition? after, bool descending, int limit, bool includeRaw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = await events.SearchAsync(query, after, descending, limit + 1, includeRaw, cancellationToken);
        return rows.Count > limit ? ([.. rows.Take(limit)], rows[limit - 1].Position) : (rows, null);
    }
}
