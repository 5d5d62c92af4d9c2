using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Grains;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Storage.PostgreSql.EventStore;

namespace PinpointAggregator.Integration.Tests.EventStore;

/// <summary>With the PostgreSQL event store, the queries read PostgreSQL, whichever is registered first.</summary>
public sealed class PostgresQueryRegistrationTests
{
    private const string ConnectionString = "Host=127.0.0.1;Database=unused";

    private static readonly IConfiguration Empty = new ConfigurationBuilder().Build();

    [Fact]
    public void PostgresAfterIngestion_ReplacesTheInMemoryQueries()
    {
        using var services = new ServiceCollection().AddPinpointIngestion(Empty).AddPostgresAuditStore(ConnectionString, Empty).BuildServiceProvider();

        Assert.IsType<PostgresEventQueries>(services.GetRequiredService<IEventQueries>());
        Assert.IsType<PostgresApplicationDirectory>(services.GetRequiredService<IApplicationDirectory>());
    }

    [Fact]
    public void PostgresBeforeIngestion_IsKept()
    {
        using var services = new ServiceCollection().AddPostgresAuditStore(ConnectionString, Empty).AddPinpointIngestion(Empty).BuildServiceProvider();

        Assert.IsType<PostgresEventQueries>(services.GetRequiredService<IEventQueries>());
        Assert.IsType<PostgresApplicationDirectory>(services.GetRequiredService<IApplicationDirectory>());
    }
}
