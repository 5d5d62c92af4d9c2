using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Tests.DoneKeys;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Storage.PostgreSql.DoneKeys;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>The done-key store's integrity contract on the real PostgreSQL, one fresh, migrated database per test.</summary>
public sealed class PostgresDoneKeyHashTests : DoneKeyHashContract, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NpgsqlDataSource _source = null!;

    protected override IDoneKeyStore Store => new PostgresDoneKeyStore(_source);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new PostgresMigrator(_database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        _source = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task FindingUnlistedKeys_ReadsThePartialIndex()
    {
        await Store.RecordAsync("p", [.. Enumerable.Range(0, 2000).Select(i => new DoneKey($"k{i:0000}", new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i), new string('a', 64)))], default);
        // As in service: nearly every key was listed by a digest, a few hours' worth are not yet.
        await Store.MarkListedAsync("p", [.. Enumerable.Range(0, 1990).Select(i => $"k{i:0000}")], default);
        await _database.ExecuteAsync("analyze pinpoint_done_keys");

        var plan = await _database.ScalarAsync<string>(
            "explain (format json) select key from pinpoint_done_keys where prefix = 'p' and not listed and name_time >= '2024-06-01' and name_time < '2024-06-02' order by name_time, key limit 10");

        Assert.Contains("pinpoint_done_keys_unlisted", plan, StringComparison.Ordinal);
    }
}
