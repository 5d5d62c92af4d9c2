using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// The audit store on PostgreSQL (tables of migrations 0004 and 0006): one transaction per commit takes the
/// target's state row (the row lock serializes writers; the version check refuses a stale one), upserts the
/// changed stamps, deletes the rows the batch replaces or releases, upserts an application's directory line,
/// binary-COPYs the kept events in, and writes the state.
/// </summary>
/// <remarks>
/// No staging table and no insert-on-conflict: whether an event is new, a duplicate or a replacement was
/// decided by the stamps under the same row lock, so the rows to write are exactly known, and a COPY straight
/// into the partitioned table is the cheapest write there is.
/// </remarks>
public sealed class PostgresAuditStore(NpgsqlDataSource database, EventPartitions partitions, TimeProvider time, IOptions<EventStoreOptions> options) : IAuditStore, IDisposable
{
    private const string UndefinedPartition = "23514";

    /// <summary>
    /// At most <see cref="EventStoreOptions.MaxConnections"/> operations at once, the rest queued here: when a
    /// first pass activates tens of thousands of application grains at once, they wait their turn instead of
    /// failing on the connection pool's timeout (a grain call that waits too long is retried by its prefix).
    /// </summary>
    private readonly SemaphoreSlim _gate = new(options.Value.MaxConnections);

    public Task<StoredAudit?> LoadAsync(AuditTarget target, CancellationToken cancellationToken) => GatedAsync(() => LoadCoreAsync(target, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, EventStamp>> FindStampsAsync(AuditTarget target, IReadOnlyCollection<string> deduplicationIds, CancellationToken cancellationToken) =>
        GatedAsync(() => FindStampsCoreAsync(target, deduplicationIds, cancellationToken), cancellationToken);

    public Task<long> CommitAsync(AuditCommit commit, CancellationToken cancellationToken) => GatedAsync(() => CommitCoreAsync(commit, cancellationToken), cancellationToken);

    private async Task<StoredAudit?> LoadCoreAsync(AuditTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var command = database.CreateCommand("select state::text, version from pinpoint_audit_state where target = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = target.Key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredAudit(Encoding.UTF8.GetBytes(reader.GetString(0)), reader.GetInt64(1))
            : null;
    }

    private async Task<IReadOnlyDictionary<string, EventStamp>> FindStampsCoreAsync(AuditTarget target, IReadOnlyCollection<string> deduplicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(deduplicationIds);
        var found = new Dictionary<string, EventStamp>(StringComparer.Ordinal);
        if (deduplicationIds.Count == 0)
        {
            return found;
        }

        await using var command = database.CreateCommand(
            "select deduplication_id, event_time, event_id, is_addendum, event_name, error_code, caller, is_write, unresolved, retracted " +
            "from pinpoint_audit_stamps where target = $1 and deduplication_id = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = target.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = deduplicationIds.Select(Clean).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cleaned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in deduplicationIds)
        {
            cleaned.TryAdd(Clean(id), id);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var stamp = new EventStamp(
                DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                reader.GetString(2),
                reader.GetBoolean(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetBoolean(7),
                reader.GetBoolean(8),
                reader.GetBoolean(9));
            found[cleaned.GetValueOrDefault(reader.GetString(0), reader.GetString(0))] = stamp;
        }

        return found;
    }

    private async Task<long> CommitCoreAsync(AuditCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var rows = EventRow.Of(commit.Target, commit.Kept, Now);
        await partitions.EnsureAsync(rows.Select(r => EventPartitions.MonthOf(r.FiledAt)), cancellationToken);
        try
        {
            return await CommitOnceAsync(commit, rows, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == UndefinedPartition)
        {
            // Another silo's retention dropped a month this one thought it had: make it again, once.
            partitions.Forget();
            await partitions.EnsureAsync(rows.Select(r => EventPartitions.MonthOf(r.FiledAt)), cancellationToken);
            return await CommitOnceAsync(commit, rows, cancellationToken);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public void Dispose() => _gate.Dispose();

    private async Task<T> GatedAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await operation();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// One round trip for the state, the stamps, the replaced rows and the listing (a statement batch), one for the COPY,
    /// one for the commit. The state comes first: its row lock makes a second writer of the target wait, then
    /// fail the version check, and the whole transaction is rolled back.
    /// </summary>
    private async Task<long> CommitOnceAsync(AuditCommit commit, List<EventRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(StateCommand(commit));
            if (commit.Stamps.Count > 0)
            {
                batch.BatchCommands.Add(StampsCommand(commit));
            }

            var replaced = commit.Released.Concat(commit.Kept.Select(e => e.DeduplicationId)).Select(Clean).Distinct(StringComparer.Ordinal).ToArray();
            if (replaced.Length > 0)
            {
                var delete = new NpgsqlBatchCommand("delete from pinpoint_events where target = $1 and deduplication_id = any($2)");
                delete.Parameters.Add(new NpgsqlParameter { Value = commit.Target.Key });
                delete.Parameters.Add(new NpgsqlParameter { Value = replaced });
                batch.BatchCommands.Add(delete);
            }

            if (commit.Listing is { } listing)
            {
                // The directory line goes with the state: the version check above rolls both back together.
                batch.BatchCommands.Add(ListingColumns.Upsert(listing));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            if (batch.BatchCommands[0].RecordsAffected == 0)
            {
                throw new InconsistentStateException(
                    $"The audit state of {commit.Target} is no longer at version {commit.ExpectedVersion}: another activation wrote it.",
                    "unknown",
                    commit.ExpectedVersion.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (rows.Count > 0)
        {
            await EventRow.CopyAsync(connection, rows, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return commit.ExpectedVersion + 1;
    }

    private static NpgsqlBatchCommand StateCommand(AuditCommit commit)
    {
        var command = new NpgsqlBatchCommand(commit.ExpectedVersion == 0
            ? "insert into pinpoint_audit_state (target, version, state) values ($1, 1, $3::json) on conflict (target) do nothing"
            : "update pinpoint_audit_state set version = version + 1, state = $3::json, updated_at = now() where target = $1 and version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = commit.Target.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = commit.ExpectedVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresText.CleanJson(Encoding.UTF8.GetString(commit.StateJson.Span))!, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    private static NpgsqlBatchCommand StampsCommand(AuditCommit commit)
    {
        var stamps = commit.Stamps.ToList();
        var command = new NpgsqlBatchCommand(
            "insert into pinpoint_audit_stamps (target, deduplication_id, event_time, event_id, is_addendum, event_name, error_code, caller, is_write, unresolved, retracted) " +
            "select $1, * from unnest($2::text[], $3::timestamptz[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::boolean[], $11::boolean[]) " +
            "on conflict (target, deduplication_id) do update set event_time = excluded.event_time, event_id = excluded.event_id, is_addendum = excluded.is_addendum, " +
            "event_name = excluded.event_name, error_code = excluded.error_code, caller = excluded.caller, is_write = excluded.is_write, " +
            "unresolved = excluded.unresolved, retracted = excluded.retracted");
        command.Parameters.Add(new NpgsqlParameter { Value = commit.Target.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => Clean(s.Key)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => DateTime.SpecifyKind(s.Value.At, DateTimeKind.Utc)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => Clean(s.Value.EventId)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => s.Value.IsAddendum).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => Clean(s.Value.EventName)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => PostgresText.Clean(s.Value.ErrorCode)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => Clean(s.Value.Caller)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => s.Value.IsWrite).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => s.Value.Unresolved).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = stamps.Select(s => s.Value.Retracted).ToArray() });
        return command;
    }

    private static string Clean(string value) => PostgresText.Clean(value)!;
}
