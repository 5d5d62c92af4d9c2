using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Storage.PostgreSql.DoneKeys;
using PinpointAggregator.Storage.PostgreSql.Integrity;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>Registers the PostgreSQL audit store, its queries, the done-key store and the integrity finding store in place of the in-memory ones.</summary>
public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// The audit store on <paramref name="connectionString"/> (one pooled data source per silo), its
    /// partitions and the retention service; options from section <c>EventStore</c>.
    /// </summary>
    public static IServiceCollection AddPostgresAuditStore(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EventStoreOptions>().Bind(configuration.GetSection(EventStoreOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var pool = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = sp.GetRequiredService<IOptions<EventStoreOptions>>().Value.MaxConnections };
            return NpgsqlDataSource.Create(pool.ConnectionString);
        });
        services.AddSingleton<EventPartitions>();
        services.AddSingleton<PostgresAuditStore>();
        services.RemoveAll<IAuditStore>();
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<PostgresAuditStore>());

        // The queries read the same database through the same pool.
        services.RemoveAll<IEventQueries>();
        services.AddSingleton<IEventQueries, PostgresEventQueries>();
        services.RemoveAll<IApplicationDirectory>();
        services.AddSingleton<IApplicationDirectory, PostgresApplicationDirectory>();
        services.AddHostedService<EventRetention>();

        // Done keys must be as durable as the prefixes' grain state (see IDoneKeyStore).
        services.RemoveAll<IDoneKeyStore>();
        services.AddSingleton<IDoneKeyStore, PostgresDoneKeyStore>();

        // Integrity findings are kept for good, in the same database.
        services.RemoveAll<IIntegrityFindingStore>();
        services.AddSingleton<IIntegrityFindingStore, PostgresIntegrityFindingStore>();
        return services;
    }
}
