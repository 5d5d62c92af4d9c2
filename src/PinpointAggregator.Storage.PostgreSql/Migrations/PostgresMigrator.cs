using Microsoft.Extensions.Logging;
using Npgsql;
using PinpointAggregator.Storage.PostgreSql.Options;

namespace PinpointAggregator.Storage.PostgreSql.Migrations;

/// <summary>
/// Applies the embedded migrations that a database lacks, in order, each in its own transaction, recording
/// each in <c>pinpoint_schema_migrations</c>.
/// </summary>
/// <remarks>
/// The whole run holds a session advisory lock on <see cref="LockKey"/>, so silos that start together (each
/// with <c>Storage:MigrateOnStart</c>) apply every file exactly once: the first applies, the others wait and
/// then find nothing to do. An applied migration whose file has changed since is an error, not a silent
/// skip: the database would not have the schema the file now describes. Versions in the database that this
/// build does not know (a newer release migrated it) are left alone and reported.
/// </remarks>
public sealed partial class PostgresMigrator(string connectionString, ILogger<PostgresMigrator> logger)
{
    /// <summary>The advisory lock key: "pinpoint" in ASCII, so it is recognisable in <c>pg_locks</c>.</summary>
    public const long LockKey = 0x70696E706F696E74;

    public const string HistoryTable = "pinpoint_schema_migrations";

    private const string CreateHistory = $"""
        create table if not exists {HistoryTable}
        (
            version    integer primary key,
            name       text not null,
            checksum   text not null,
            applied_at timestamptz not null default now()
        )
        """;

    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(MigrationCatalog.Embedded, cancellationToken);

    internal async Task<MigrationResult> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        LogStarting(logger, PostgreSqlConnectionDescription.Of(connectionString), migrations.Count);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"select pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateHistory, cancellationToken);
            var history = await ReadHistoryAsync(connection, cancellationToken);
            Verify(migrations, history);
            var applied = new List<Migration>();
            foreach (var migration in migrations.Where(m => !history.ContainsKey(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
                applied.Add(migration);
            }

            var unknown = history.Keys.Except(migrations.Select(m => m.Version)).Order().ToList();
            if (unknown.Count > 0)
            {
                LogNewerHistory(logger, string.Join(", ", unknown));
            }

            LogFinished(logger, applied.Count, migrations.Count - applied.Count);
            return new MigrationResult(applied, [.. migrations.Where(m => history.ContainsKey(m.Version))]);
        }
        finally
        {
            // Closing the session would release the lock too; unlocking explicitly keeps a pooled session clean.
            await ExecuteAsync(connection, null, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static void Verify(IReadOnlyList<Migration> migrations, Dictionary<int, (string Name, string Checksum)> history)
    {
        foreach (var migration in migrations)
        {
            if (history.TryGetValue(migration.Version, out var recorded) && recorded.Checksum != migration.Checksum)
            {
                throw new MigrationException(
                    $"Migration {migration.Version:0000}_{migration.Name} was changed after it was applied (as {recorded.Name}, checksum {recorded.Checksum}; the file now has {migration.Checksum}). " +
                    "An applied migration must never change: restore the file and add the change as a new numbered migration.");
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"Migration {migration.Version:0000}_{migration.Name} failed and was rolled back: {e.MessageText} ({e.SqlState}).", e);
        }

        await using (var record = new NpgsqlCommand($"insert into {HistoryTable} (version, name, checksum) values ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            record.Parameters.Add(new() { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, migration.Version, migration.Name);
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand($"select version, name, checksum from {HistoryTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return history;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(300, LogLevel.Information, "Migrating {Database}: {Known} migrations known")]
    private static partial void LogStarting(ILogger logger, string database, int known);

    [LoggerMessage(301, LogLevel.Information, "Applied migration {Version:0000}_{Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    [LoggerMessage(302, LogLevel.Information, "Migrations done: {Applied} applied now, {Skipped} already applied")]
    private static partial void LogFinished(ILogger logger, int applied, int skipped);

    [LoggerMessage(303, LogLevel.Information, "The database has migrations this build does not know ({Versions}); a newer release applied them")]
    private static partial void LogNewerHistory(ILogger logger, string versions);
}
