using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// The monthly partitions of <c>pinpoint_events</c>: created when a month first appears (once per month per
/// process, serialized across silos by an advisory lock), dropped whole past the retention.
/// </summary>
public sealed class EventPartitions(NpgsqlDataSource database)
{
    /// <summary>Advisory lock key for partition changes ("pinpoint-partitions").</summary>
    private const long LockKey = 0x70696e70_70617274;

    private readonly ConcurrentDictionary<DateOnly, bool> _known = new();

    /// <summary>Where an event is filed: its time, clamped to its file's delivery time minus 31 days .. plus 1 day.</summary>
    public static DateTime FiledAt(DateTime eventTime, DateTime deliveredAt)
    {
        var earliest = deliveredAt.AddDays(-31);
        var latest = deliveredAt.AddDays(1);
        return eventTime < earliest ? earliest : eventTime > latest ? latest : eventTime;
    }

    public static DateOnly MonthOf(DateTime time) => new(time.Year, time.Month, 1);

    public static string NameOf(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"pinpoint_events_{month.Year:D4}_{month.Month:D2}");

    public async Task EnsureAsync(IEnumerable<DateOnly> months, CancellationToken cancellationToken)
    {
        var missing = months.Where(m => !_known.ContainsKey(m)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var month in missing)
        {
            var from = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var until = month.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var sql = $"create table if not exists {NameOf(month)} partition of pinpoint_events for values from ('{from}') to ('{until}')";
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var month in missing)
        {
            _known[month] = true;
        }
    }

    /// <summary>Forgets which months exist, so the next write checks again (another silo may have dropped one).</summary>
    public void Forget() => _known.Clear();

    /// <summary>Drops every partition whose whole month ends before <paramref name="before"/>.</summary>
    /// <returns>The names of the dropped partitions.</returns>
    public async Task<IReadOnlyList<string>> DropBeforeAsync(DateTime before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var partitions = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'pinpoint_events'",
            connection,
            transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                partitions.Add(reader.GetString(0));
            }
        }

        var dropped = new List<string>();
        foreach (var name in partitions)
        {
            if (TryParseMonth(name, out var month) && month.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) <= before)
            {
                await using var drop = new NpgsqlCommand($"drop table {name}", connection, transaction);
                await drop.ExecuteNonQueryAsync(cancellationToken);
                dropped.Add(name);
                _known.TryRemove(month, out _);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return dropped;
    }

    private static bool TryParseMonth(string name, out DateOnly month) =>
        DateOnly.TryParseExact(name.Replace("pinpoint_events_", string.Empty, StringComparison.Ordinal), "yyyy_MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
