using Npgsql;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// The application directory on PostgreSQL (<c>pinpoint_applications</c>, migration 0006): keyset pages on
/// the primary key (account, region, application id) with the filters as conditions, each served by an index,
/// so a page reads about a page of rows however many applications there are.
/// </summary>
public sealed class PostgresApplicationDirectory(NpgsqlDataSource database) : IApplicationDirectory
{
    public async Task<IReadOnlyList<ApplicationListing>> ListAsync(ApplicationQuery query, (string Account, string Region, string ApplicationId)? after, int limit, CancellationToken cancellationToken)
    {
        if (ListCommand(query, after, limit) is not var (sql, parameters))
        {
            return [];
        }

        await using var command = database.CreateCommand(sql);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var listings = new List<ApplicationListing>();
        while (await reader.ReadAsync(cancellationToken))
        {
            listings.Add(ListingColumns.Read(reader));
        }

        return listings;
    }

    /// <summary>The SQL of a page and its parameters; null when the query can match nothing.</summary>
    internal static (string Sql, List<NpgsqlParameter> Parameters)? ListCommand(ApplicationQuery query, (string Account, string Region, string ApplicationId)? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new SqlConditions();
        sql.In("account_id", query.Accounts, emptyMatchesNothing: true);
        sql.In("region", query.Regions);
        if (query.Deleted is { } deleted)
        {
            sql.Add($"deleted = {sql.Parameter(deleted)}");
        }

        if (!string.IsNullOrEmpty(query.NameContains))
        {
            sql.Add($"lower(name) like lower({sql.Parameter(SqlConditions.ContainsPattern(query.NameContains))})");
        }

        if (query.ActiveSince is { } since)
        {
            sql.Add($"last_event_at >= {sql.Parameter(EventQuerySql.Utc(since))}");
        }

        if (query.HasErrors)
        {
            sql.Add("errors > 0");
        }

        if (after is { } key)
        {
            sql.Add($"(account_id, region, application_id) > ({sql.Parameter(PostgresText.Clean(key.Account)!)}, " +
                $"{sql.Parameter(PostgresText.Clean(key.Region)!)}, {sql.Parameter(PostgresText.Clean(key.ApplicationId)!)})");
        }

        if (!sql.CanMatch || limit <= 0)
        {
            return null;
        }

        return ($"select {ListingColumns.List} from pinpoint_applications{sql.Where()} order by account_id, region, application_id limit {sql.Parameter(limit)}", sql.Parameters);
    }
}
