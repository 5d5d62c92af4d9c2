using PinpointAggregator.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Grains.Notifications;
using PinpointAggregator.Grains.Prefixes.Digests;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Grains;

/// <summary>Registers what the ingestion grains need in a silo.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="IngestionOptions"/> (section <c>Ingestion</c>), <see cref="TrailReaderOptions"/>
    /// (section <c>Trail:Reader</c>) and <see cref="IntegrityOptions"/> (section <c>Integrity</c>), validated at
    /// start-up, and adds the reader, fetcher and metrics.
    /// The host adds an <see cref="Trail.Storage.ITrailObjectStoreFactory"/> and the grain storage; the audit
    /// and done-key stores are in memory unless the host registers another <see cref="IAuditStore"/> or
    /// <see cref="IDoneKeyStore"/> first.
    /// </summary>
    public static IServiceCollection AddPinpointIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPinpointSerialization();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        services.AddOptions<TrailReaderOptions>().Bind(configuration.GetSection(TrailReaderOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrailReaderOptions>, TrailReaderOptionsValidator>());
        services.AddOptions<IntegrityOptions>().Bind(configuration.GetSection(IntegrityOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntegrityOptions>, IntegrityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<IngestionMetrics>();
        AddIntegrity(services, configuration);
        AddNotifications(services);

        // The embedded default's audit store; the PostgreSQL event store replaces it when configured.
        services.TryAddSingleton<MemoryAuditStore>();
        services.TryAddSingleton<IAuditStore>(sp => sp.GetRequiredService<MemoryAuditStore>());

        // Its queries are answered by the same instance as the store (a host may register an in-memory store
        // of its own); the PostgreSQL event store replaces these with its own.
        services.TryAddSingleton(sp => sp.GetRequiredService<IAuditStore>() as IEventQueries ?? throw QueriesMissing(nameof(IEventQueries)));
        services.TryAddSingleton(sp => sp.GetRequiredService<IAuditStore>() as IApplicationDirectory ?? throw QueriesMissing(nameof(IApplicationDirectory)));

        // Likewise the done-key store; the PostgreSQL one replaces it with the event store.
        services.TryAddSingleton<IDoneKeyStore, MemoryDoneKeyStore>();
        services.TryAddSingleton(sp => AuditEventReader.Create(sp.GetRequiredService<IOptions<TrailReaderOptions>>().Value));
        // One budget per silo, shared by all its prefix grains (the fetcher is a singleton too).
        services.TryAddSingleton(sp => new SiloReadBudget(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.SiloReadConcurrency));
        services.TryAddSingleton(sp => new TrailFileFetcher(
            sp.GetRequiredService<TrailFileReader<AuditEvent>>(),
            sp.GetRequiredService<IOptions<IngestionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IngestionMetrics>(),
            sp.GetRequiredService<SiloReadBudget>()));
        return services;
    }

    /// <summary>
    /// Integrity validation (<c>Trail:DigestReader</c>; <c>Integrity</c> is bound above): with it on, the log reader
    /// hashes every log in its reading pass; the finding store is in memory unless the host registers another;
    /// the public-key source is whatever the host registers (<see cref="IDigestPublicKeySource"/>).
    /// </summary>
    private static void AddIntegrity(IServiceCollection services, IConfiguration configuration)
    {
        // IntegrityOptions are bound and validated above, with the others.
        services.AddOptions<TrailReaderOptions>().PostConfigure<IOptions<IntegrityOptions>>((reader, integrity) => reader.ComputeSha256 |= integrity.Value.Enabled);
        services.AddOptions<DigestReaderOptions>().Bind(configuration.GetSection(DigestReaderOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestReaderOptions>, DigestReaderOptionsValidator>());
        services.TryAddSingleton<IntegrityMetrics>();
        services.TryAddSingleton<IIntegrityFindingStore, MemoryIntegrityFindingStore>();
        services.TryAddSingleton(sp => new DigestFollowerServices(
            sp.GetRequiredService<IOptions<IntegrityOptions>>().Value,
            sp.GetRequiredService<IOptions<IngestionOptions>>().Value,
            new DigestFileReader(sp.GetRequiredService<IOptions<DigestReaderOptions>>().Value),
            sp.GetService<IDigestPublicKeySource>(),
            sp.GetRequiredService<IIntegrityFindingStore>(),
            sp.GetRequiredService<IDoneKeyStore>(),
            sp.GetRequiredService<IngestionMetrics>(),
            sp.GetRequiredService<IntegrityMetrics>(),
            sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// Notification-driven ingestion: the options' validator, the metrics and the consumer, which joins the silo's
    /// lifecycle and does nothing unless <c>Ingestion:Notifications:Queues</c> is configured; the host registers the
    /// queues' <see cref="Notifications.INotificationQueueClientFactory"/> (SQS).
    /// </summary>
    private static void AddNotifications(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton<NotificationMetrics>();
        services.TryAddSingleton<NotificationConsumer>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<NotificationConsumer>());
    }

    private static InvalidOperationException QueriesMissing(string service) =>
        new($"The registered {nameof(IAuditStore)} does not implement {service}; register one beside it.");
}
