using Npgsql;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Storage.PostgreSql.EventStore;

namespace PinpointAggregator.Storage.PostgreSql.DoneKeys;

/// <summary>The done-key store on PostgreSQL (migrations 0005 and 0007): one statement per call, whatever the batch size.</summary>
public sealed class PostgresDoneKeyStore(NpgsqlDataSource database) : IDoneKeyStore
{
    public async Task RecordAsync(string prefix, IReadOnlyCollection<DoneKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        // A key recorded again (a re-read) takes the new hash or reason, when it brings one.
        await using var command = database.CreateCommand(
            "insert into pinpoint_done_keys (prefix, key, name_time, sha256, unhashable) " +
            "select $1, * from unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[]) " +
            "on conflict (prefix, key) do update set sha256 = excluded.sha256, unhashable = excluded.unhashable " +
            "where excluded.sha256 is not null or excluded.unhashable is not null");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => Clean(k.Key)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => DateTime.SpecifyKind(k.NameTime, DateTimeKind.Utc)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Sha256).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => PostgresText.Clean(k.Unhashable)).ToArray() });
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

        var byCleaned = ByCleaned(keys);
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

    public async Task<IReadOnlyDictionary<string, DoneKeyHash>> FindHashesAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, DoneKeyHash>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        var byCleaned = ByCleaned(keys);
        await using var command = database.CreateCommand("select key, sha256, unhashable from pinpoint_done_keys where prefix = $1 and key = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = byCleaned.Keys.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hash = new DoneKeyHash(reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            foreach (var original in byCleaned.GetValueOrDefault(reader.GetString(0)) ?? [])
            {
                found[original] = hash;
            }
        }

        return found;
    }

    public async Task MarkListedAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("update pinpoint_done_keys set listed = true where prefix = $1 and key = any($2) and not listed");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(Clean).Distinct(StringComparer.Ordinal).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DoneKey>> FindUnlistedAsync(string prefix, DateTime from, DateTime before, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "select key, name_time, sha256, unhashable from pinpoint_done_keys " +
            "where prefix = $1 and not listed and name_time >= $2 and name_time < $3 order by name_time, key limit $4");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(from, DateTimeKind.Utc) });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(before, DateTimeKind.Utc) });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var unlisted = new List<DoneKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            unlisted.Add(new DoneKey(
                reader.GetString(0),
                DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return unlisted;
    }

    public async Task ForgetAsync(string prefix, DateTime before, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("delete from pinpoint_done_keys where prefix = $1 and name_time < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Clean(prefix) });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(before, DateTimeKind.Utc) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The cleaned form of each key with the originals that clean to it, so rows map back to the keys asked for.</summary>
    private static Dictionary<string, List<string>> ByCleaned(IReadOnlyCollection<string> keys)
    {
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

        return byCleaned;
    }

    /// <summary>Keys come from member accounts' buckets: text PostgreSQL cannot hold is cleaned (see <see cref="PostgresText"/>).</summary>
    private static string Clean(string value) => PostgresText.Clean(value)!;
}
