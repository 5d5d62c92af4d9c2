using PinpointAggregator.Storage.PostgreSql.Options;

namespace PinpointAggregator.Storage.PostgreSql.Hosting;

/// <summary>Lets an Orleans client find the cluster's gateways in the PostgreSQL membership table.</summary>
public static class PostgreSqlClientBuilderExtensions
{
    public static IClientBuilder UsePostgreSqlClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return client.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = PostgreSqlStorageOptions.Invariant;
            clustering.ConnectionString = connectionString;
        });
    }
}
