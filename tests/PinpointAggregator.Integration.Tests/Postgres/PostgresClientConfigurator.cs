using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using PinpointAggregator.Abstractions;
using PinpointAggregator.Storage.PostgreSql.Hosting;
using PinpointAggregator.Storage.PostgreSql.Options;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>The test client finds the gateways in the PostgreSQL membership table, as any client of the service would.</summary>
public sealed class PostgresClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.Services.AddPinpointSerialization();
        clientBuilder.UsePostgreSqlClustering(configuration.GetConnectionString(PostgreSqlStorageOptions.ConnectionStringName)!);
    }
}
