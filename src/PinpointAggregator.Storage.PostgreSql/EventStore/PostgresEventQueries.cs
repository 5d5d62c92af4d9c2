using System.Globalization;
using Npgsql;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// The event store's reads on PostgreSQL (indexes of migration 0006): keyset pages in (event_time, event_id,
/// target) order, one filter's index leading; lookups by event id; counts by day; and the feed in
/// (transaction id, sequence) order behind the snapshot's xmin.
/// </summary>
/// <remarks>
/// The feed is exactly-once across silos and concurrent transactions: a row is returned only once every
/// transaction that began before the reader's snapshot has ended (its inserting transaction's id is below the
/// snapshot's xmin), so no row can commit later at a position the cursor has passed. The price is that a long
/// transaction anywhere on the server holds the feed back until it ends. An addendum that replaces a row
/// is a new row, so a watch sees the event again in its new version; a row deleted (retracted to another
/// target) shows up at its new target.
/// </remarks>
public sealed class PostgresEventQueries(NpgsqlDataSource database) : IEventQueries
{
    private const string Feed = "pg_snapshot_xmin(pg_current_snapshot())";

    public async Task<IReadOnlyList<StoredEvent>> SearchAsync(EventQuery query, EventPosition? after, bool descending, int limit, bool includeRaw, CancellationToken cancellationToken)
    {
        if (SearchCommand(query, after, descending, limit, includeRaw) is not var (sql, parameters))
        {
            return [];
        }

        return await ReadEventsAsync(sql, parameters, includeRaw, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var sql = $"select {StoredEventColumns.List(includeRaw: true)} from pinpoint_events where event_id = $1 order by event_time, event_id, target";
        return await ReadEventsAsync(sql, [new NpgsqlParameter { Value = PostgresText.Clean(eventId)! }], includeRaw: true, cancellationToken);
    }

    public async Task<IReadOnlyList<(DateOnly Day, long Events)>> CountByDayAsync(IReadOnlyCollection<string>? accounts, DateTime from, DateTime until, CancellationToken cancellationToken)
    {
        var conditions = EventQuerySql.Conditions(new EventQuery { Accounts = accounts, From = from, Until = until });
        var days = new List<(DateOnly, long)>();
        if (!conditions.CanMatch)
        {
            return days;
        }

        await using var command = database.CreateCommand(
            $"select (event_time at time zone 'UTC')::date as day, count(*) from pinpoint_events{conditions.Where()} group by day order by day");
        command.Parameters.AddRange(conditions.Parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add((reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1)));
        }

        return days;
    }

    public async Task<FeedCursor> FeedHeadAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Feed}::text");
        return new FeedCursor(ParseXid((string)(await command.ExecuteScalarAsync(cancellationToken))!), 0);
    }

    public async Task<FeedPage> ReadFeedAsync(EventQuery query, FeedCursor after, int limit, bool includeRaw, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return new FeedPage([], after);
        }

        var (sql, parameters) = FeedCommand(query, after, limit, includeRaw);
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        long horizon = 0;
        var last = after;
        while (await reader.ReadAsync(cancellationToken))
        {
            horizon = ParseXid(reader.GetString(0));
            if (!reader.IsDBNull(1))
            {
                last = new FeedCursor(ParseXid(reader.GetString(1)), reader.GetInt64(2));
                // The row's own (transaction, sequence): every row before it is in this page or was before the cursor,
                // so it is where a watch resumes right after this event.
                events.Add(StoredEventColumns.Read(reader, 3, includeRaw) with { FeedPosition = last });
            }
        }

        // A page cut short by the limit continues after its last row; otherwise every row before the horizon
        // was scanned (matching or not), and the next read starts there.
        var next = events.Count == limit ? last : Later(after, new FeedCursor(horizon, 0));
        return new FeedPage(events, next);
    }

    /// <summary>The SQL of a search page and its parameters; null when the query can match nothing.</summary>
    internal static (string Sql, List<NpgsqlParameter> Parameters)? SearchCommand(EventQuery query, EventPosition? after, bool descending, int limit, bool includeRaw)
    {
        var conditions = EventQuerySql.Conditions(query);
        if (!conditions.CanMatch || limit <= 0)
        {
            return null;
        }

        if (after is { } position)
        {
            var time = conditions.Parameter(EventQuerySql.Utc(position.EventTime));
            var id = conditions.Parameter(PostgresText.Clean(position.EventId)!);
            var target = conditions.Parameter(PostgresText.Clean(position.Target)!);
            conditions.Add($"(event_time, event_id, target) {(descending ? "<" : ">")} ({time}, {id}, {target})");
        }

        var direction = descending ? " desc" : string.Empty;
        var sql = $"select {StoredEventColumns.List(includeRaw)} from pinpoint_events{conditions.Where()} " +
            $"order by event_time{direction}, event_id{direction}, target{direction} limit {conditions.Parameter(limit)}";
        return (sql, conditions.Parameters);
    }

    /// <summary>
    /// The SQL of a feed read: the snapshot's xmin and the matching rows of ended transactions after the
    /// cursor, in one statement (one snapshot), so the horizon it reports is the one the rows were read under.
    /// </summary>
    internal static (string Sql, List<NpgsqlParameter> Parameters) FeedCommand(EventQuery query, FeedCursor after, int limit, bool includeRaw)
    {
        var conditions = EventQuerySql.Conditions(query);
        if (!conditions.CanMatch)
        {
            // Nothing will ever match: the horizon alone moves the cursor on.
            conditions = new SqlConditions();
            conditions.Add("false");
        }

        var tx = conditions.Parameter(after.Major.ToString(CultureInfo.InvariantCulture));
        var seq = conditions.Parameter(after.Minor);
        conditions.Add("e.tx < h.horizon");
        conditions.Add($"(e.tx, e.seq) > ({tx}::xid8, {seq})");
        var sql = $"select h.horizon::text, r.* from (select {Feed} as horizon) h left join lateral " +
            $"(select e.tx::text, e.seq, {StoredEventColumns.List(includeRaw)} from pinpoint_events e{conditions.Where()} " +
            $"order by e.tx, e.seq limit {conditions.Parameter(limit)}) r on true";
        return (sql, conditions.Parameters);
    }

    private static FeedCursor Later(FeedCursor a, FeedCursor b) => (a.Major, a.Minor).CompareTo((b.Major, b.Minor)) >= 0 ? a : b;

    private static long ParseXid(string value) => long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string sql, List<NpgsqlParameter> parameters, bool includeRaw, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(StoredEventColumns.Read(reader, 0, includeRaw));
        }

        return events;
    }
}
