using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.TestingHost;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Storage.PostgreSql.DoneKeys;
using PinpointAggregator.Storage.PostgreSql.Integrity;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>
/// Puts a test silo's done keys and integrity findings in the real PostgreSQL database named by
/// <see cref="ConnectionStringKey"/> (the stores the host composes with <c>Storage:Provider=PostgreSql</c>).
/// </summary>
public sealed class PostgresIntegrityStoresConfigurator : ISiloConfigurator
{
    public const string ConnectionStringKey = "Test:IntegrityDatabase";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"{ConnectionStringKey} is not set.");
        siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        siloBuilder.Services.RemoveAll<IDoneKeyStore>();
        siloBuilder.Services.AddSingleton<IDoneKeyStore, PostgresDoneKeyStore>();
        siloBuilder.Services.RemoveAll<IIntegrityFindingStore>();
        siloBuilder.Services.AddSingleton<IIntegrityFindingStore, PostgresIntegrityFindingStore>();
    }
}
