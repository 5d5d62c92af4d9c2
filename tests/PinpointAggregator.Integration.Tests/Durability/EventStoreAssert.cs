using Npgsql;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Integration.Tests.Durability;

/// <summary>The event store in PostgreSQL holds exactly the ground truth's distinct events: none lost, none stored twice.</summary>
internal static class EventStoreAssert
{
    public static async Task HoldsEveryEventOnceAsync(string connectionString, ScanSummary truth)
    {
        // Unpooled: after a test stopped and restarted the server, a pooled connection would be a dead one.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(truth.Totals.Events, await ScalarAsync(connection, "select count(*) from pinpoint_events"));
        Assert.Equal(0L, await ScalarAsync(connection, "select count(*) from (select target, deduplication_id from pinpoint_events group by 1, 2 having count(*) > 1) twice"));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
