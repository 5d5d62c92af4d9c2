using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PinpointAggregator.Storage.PostgreSql.Options;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// The storage a silo is composed with, read and checked once from configuration. The choice decides which
/// Orleans providers are registered, so it is made before the host is built, and a bad setting fails there
/// with every problem named.
/// </summary>
/// <param name="PostgreSql">The PostgreSQL settings, or null for in-memory storage.</param>
/// <param name="Cluster">The cluster and service ids (used with PostgreSQL; the in-memory silo keeps Orleans' own).</param>
/// <param name="Silo">The silo's ports and advertised address.</param>
public sealed record StorageSelection(PostgreSqlStorageOptions? PostgreSql, ClusterIdentityOptions Cluster, SiloOptions Silo)
{
    /// <exception cref="OptionsValidationException">A setting is missing or invalid; the failures say which and why.</exception>
    public static StorageSelection Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var cluster = configuration.GetSection(ClusterIdentityOptions.SectionName).Get<ClusterIdentityOptions>() ?? new ClusterIdentityOptions();
        var silo = configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        var failures = new List<string>();
        PostgreSqlStorageOptions? postgreSql = null;
        if (!StorageProviders.IsKnown(storage.Provider))
        {
            failures.Add($"{StorageOptions.SectionName}:Provider is '{storage.Provider}'; it must be {StorageProviders.Memory} (the default) or {StorageProviders.PostgreSql}.");
        }
        else if (StorageProviders.IsPostgreSql(storage.Provider))
        {
            postgreSql = new PostgreSqlStorageOptions
            {
                ConnectionString = configuration.GetConnectionString(PostgreSqlStorageOptions.ConnectionStringName),
                MigrateOnStart = storage.MigrateOnStart,
            };
            failures.AddRange(new PostgreSqlStorageOptionsValidator().Validate(null, postgreSql).Failures ?? []);
            failures.AddRange(ClusterFailures(cluster, silo));
        }
        else if (storage.MigrateOnStart)
        {
            failures.Add($"{StorageOptions.SectionName}:MigrateOnStart is set, but {StorageOptions.SectionName}:Provider is {StorageProviders.Memory}, which has nothing to migrate; set {StorageOptions.SectionName}:Provider={StorageProviders.PostgreSql}.");
        }

        return failures.Count == 0
            ? new StorageSelection(postgreSql, cluster, silo)
            : throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), failures);
    }

    private static IEnumerable<string> ClusterFailures(ClusterIdentityOptions cluster, SiloOptions silo)
    {
        if (string.IsNullOrWhiteSpace(cluster.ClusterId))
        {
            yield return $"{ClusterIdentityOptions.SectionName}:ClusterId must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(cluster.ServiceId))
        {
            yield return $"{ClusterIdentityOptions.SectionName}:ServiceId must not be empty.";
        }

        if (!IPAddress.TryParse(silo.AdvertisedAddress, out _))
        {
            yield return $"{SiloOptions.SectionName}:AdvertisedAddress is '{silo.AdvertisedAddress}'; it must be an IP address, such as 127.0.0.1 or the host's own address.";
        }
    }
}
