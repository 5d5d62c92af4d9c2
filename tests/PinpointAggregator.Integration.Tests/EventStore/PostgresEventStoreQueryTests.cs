using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Grains.Tests.EventStore.Queries;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Storage.PostgreSql.EventStore;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Integration.Tests.EventStore;

/// <summary>The query contract on the real PostgreSQL the test script starts, one fresh, migrated database per test.</summary>
public sealed class PostgresEventStoreQueryTests : EventStoreQueryContract, IAsyncLifetime, IDisposable
{
    private TestDatabase _database = null!;
    private NpgsqlDataSource _source = null!;
    private PostgresAuditStore _store = null!;

    protected override IAuditStore Store => _store;

    protected override IEventQueries Queries => new PostgresEventQueries(_source);

    protected override IApplicationDirectory Directory => new PostgresApplicationDirectory(_source);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new PostgresMigrator(_database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        _source = NpgsqlDataSource.Create(_database.ConnectionString);
        _store = new PostgresAuditStore(_source, new EventPartitions(_source), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new EventStoreOptions()));
    }

    public void Dispose() => _store.Dispose();

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _database.DisposeAsync();
    }
}
