using System.Text;
using Npgsql;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Storage.PostgreSql.EventStore;

namespace PinpointAggregator.Storage.PostgreSql.Integrity;

/// <summary>
/// The finding store on PostgreSQL (<c>pinpoint_integrity_findings</c>, migration 0007): one statement per
/// call; appending is idempotent on the table's unique index; every filter of a query has an index read by
/// sequence, newest first.
/// </summary>
public sealed class PostgresIntegrityFindingStore(NpgsqlDataSource database) : IIntegrityFindingStore
{
    private const string Columns = "sequence, prefix, account, region, kind, is_violation, digest_key, log_key, from_time, until_time, detail, found_at";

    public async Task AppendAsync(IReadOnlyCollection<IntegrityFindingRecord> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return;
        }

        // In the order given, so sequences follow the order the verifier found them in.
        await using var command = database.CreateCommand(
            "insert into pinpoint_integrity_findings (prefix, account, region, kind, is_violation, digest_key, log_key, from_time, until_time, detail, found_at) " +
            "select prefix, account, region, kind, is_violation, digest_key, log_key, from_time, until_time, detail, found_at from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::timestamptz[]) " +
            "with ordinality as f(prefix, account, region, kind, is_violation, digest_key, log_key, from_time, until_time, detail, found_at, n) " +
            "order by n on conflict do nothing");
        Add(command, findings.Select(f => Clean(f.Prefix)).ToArray());
        Add(command, findings.Select(f => Clean(f.Account)).ToArray());
        Add(command, findings.Select(f => Clean(f.Region)).ToArray());
        Add(command, findings.Select(f => Clean(f.Kind)).ToArray());
        Add(command, findings.Select(f => f.IsViolation).ToArray());
        Add(command, findings.Select(f => PostgresText.Clean(f.DigestKey)).ToArray());
        Add(command, findings.Select(f => PostgresText.Clean(f.LogKey)).ToArray());
        Add(command, findings.Select(f => Utc(f.From)).ToArray());
        Add(command, findings.Select(f => Utc(f.Until)).ToArray());
        Add(command, findings.Select(f => Clean(f.Detail)).ToArray());
        Add(command, findings.Select(f => Utc(f.FoundAt)).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IntegrityFindingRecord>> ListAsync(IntegrityFindingQuery query, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = database.CreateCommand();
        var where = Where(command, query);
        if (beforeSequence is { } before)
        {
            where.Append(" and sequence < ").Append(Parameter(command, before));
        }

        command.CommandText = $"select {Columns} from pinpoint_integrity_findings where {where} order by sequence desc limit {Parameter(command, limit)}";
        var page = new List<IntegrityFindingRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new IntegrityFindingRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                Utc(reader.GetDateTime(8)),
                Utc(reader.GetDateTime(9)),
                reader.GetString(10),
                Utc(reader.GetDateTime(11))));
        }

        return page;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByKindAsync(IntegrityFindingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = database.CreateCommand();
        command.CommandText = $"select kind, count(*) from pinpoint_integrity_findings where {Where(command, query)} group by kind";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The query's filters as a condition, every value a parameter.</summary>
    private static StringBuilder Where(NpgsqlCommand command, IntegrityFindingQuery query)
    {
        var where = new StringBuilder("true");
        if (query.Accounts is { } accounts)
        {
            where.Append(" and account = any(").Append(Parameter(command, accounts.ToArray())).Append(')');
        }

        if (query.Region is { } region)
        {
            where.Append(" and region = ").Append(Parameter(command, region));
        }

        if (query.Kinds is { } kinds)
        {
            where.Append(" and kind = any(").Append(Parameter(command, kinds.ToArray())).Append(')');
        }

        if (query.ViolationsOnly)
        {
            where.Append(" and is_violation");
        }

        if (query.FoundFrom is { } from)
        {
            where.Append(" and found_at >= ").Append(Parameter(command, Utc(from)));
        }

        if (query.FoundUntil is { } until)
        {
            where.Append(" and found_at < ").Append(Parameter(command, Utc(until)));
        }

        return where;
    }

    private static string Parameter(NpgsqlCommand command, object value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(NpgsqlCommand command, object value) => command.Parameters.Add(new NpgsqlParameter { Value = value });

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    /// <summary>Keys and details come from member accounts' files: text PostgreSQL cannot hold is cleaned.</summary>
    private static string Clean(string value) => PostgresText.Clean(value)!;
}
