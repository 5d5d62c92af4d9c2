using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Grains.Tests.Integrity;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Storage.PostgreSql.Integrity;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>The finding store's contract on the real PostgreSQL, one fresh, migrated database per test.</summary>
public sealed class PostgresIntegrityFindingStoreTests : IntegrityFindingStoreContract, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NpgsqlDataSource _source = null!;

    protected override IIntegrityFindingStore Store => new PostgresIntegrityFindingStore(_source);

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
    public async Task KeysOfS3sLongestLength_AreKeptWhole()
    {
        var record = new PinpointAggregator.Abstractions.Contracts.IntegrityFindingRecord(
            0, "p", "111122223333", "us-east-1", "LogDeleted", true, new string('d', 1024), new string('l', 1024),
            new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 6, 1, 1, 0, 0, DateTimeKind.Utc), "detail", new DateTime(2024, 6, 2, 0, 0, 0, DateTimeKind.Utc));

        await Store.AppendAsync([record, record], default);

        Assert.Equal(record, (await Store.ListAsync(new IntegrityFindingQuery(), null, 10, default)).Single() with { Sequence = 0 });
    }
}
