using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// The rules of <see cref="EventQuery"/> as conditions on <c>pinpoint_events</c>, the same rules the in-memory
/// store applies (its <c>EventMatch</c>). A channel row's resource id is its channel type; free text is
/// matched case-insensitively against the jsonb text of the request (trigram-indexed).
/// </summary>
internal static class EventQuerySql
{
    public static SqlConditions Conditions(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new SqlConditions();
        sql.In("account_id", query.Accounts, emptyMatchesNothing: true);
        sql.In("region", query.Regions);
        sql.In("application_id", query.Applications);
        sql.In("event_name", query.Actions);
        sql.In("caller", query.Callers);
        sql.In("error_code", query.ErrorCodes);
        sql.In("source_ip", query.SourceIps);
        if (query.From is { } from)
        {
            sql.Add($"event_time >= {sql.Parameter(Utc(from))}");
        }

        if (query.Until is { } until)
        {
            sql.Add($"event_time < {sql.Parameter(Utc(until))}");
        }

        if (query.ReadOnly is { } readOnly)
        {
            sql.Add($"read_only = {sql.Parameter(readOnly)}");
        }

        if (query.ErrorsOnly)
        {
            sql.Add("error_code is not null");
        }

        if (query.WritesOnly)
        {
            sql.Add("is_write");
        }

        if (query.ResourceKind is { } kind)
        {
            sql.Add($"resource_kind = {sql.Parameter(PostgresText.Clean(kind)!)}");
        }

        if (query.ResourceId is { } id)
        {
            // The expression of the resource index (0006), so a history reads that index.
            sql.Add($"coalesce(resource_id, channel) = {sql.Parameter(PostgresText.Clean(id)!)}");
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            sql.Add($"request_parameters::text ilike {sql.Parameter(SqlConditions.ContainsPattern(query.Text))}");
        }

        return sql;
    }

    /// <summary>A time as PostgreSQL's timestamptz takes it (Npgsql refuses a DateTime of unspecified kind).</summary>
    public static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
