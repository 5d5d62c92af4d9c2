using Npgsql;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Storage.PostgreSql.EventStore;

namespace PinpointAggregator.Storage.PostgreSql.DoneKeys;

/// <summary>The done-key store on PostgreSQL (migration 0005): one statement per call, whatever the batch size.</summary>
public sealed class PostgresDoneKeyStore(NpgsqlDataSource database) : IDoneKeyStore
{
    public async Task RecordAsync(string prefix, IReadOnlyCollection<DoneKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand(
            "insert into pinpoint_done_keys (prefix, key, name_time) select $1, * from unnest($2::text[], $3::timestamptz[]) " +
            "on conflict (prefix, key) do nothing");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => Clean(k.Key)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => DateTime.SpecifyKind(k.NameTime, DateTimeKind.Utc)).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindDoneAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return done;
        }

        var byCleaned = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var cleaned = Clean(key);
            if (!byCleaned.TryGetValue(cleaned, out var originals))
            {
                byCleaned[cleaned] = originals = [];
            }

            originals.Add(key);
        }

        await using var command = database.CreateCommand("select key from pinpoint_done_keys where prefix = $1 and key = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = byCleaned.Keys.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            done.UnionWith(byCleaned.GetValueOrDefault(reader.GetString(0)) ?? []);
        }

        return done;
    }

    public async Task ForgetAsync(string prefix, DateTime before, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("delete from pinpoint_done_keys where prefix = $1 and name_time < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(before, DateTimeKind.Utc) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Keys come from member accounts' buckets: text PostgreSQL cannot hold is cleaned (see <see cref="PostgresText"/>).</summary>
    private static string Clean(string value) => PostgresText.Clean(value)!;
}
