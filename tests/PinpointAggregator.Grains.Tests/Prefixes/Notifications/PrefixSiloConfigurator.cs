using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using Orleans.Timers;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// A test silo with the production ingestion services, reading one local folder as every bucket, on the test's
/// clock (<see cref="PrefixCluster.Clocks"/>), with in-memory grain storage written as the production JSON, and
/// reminders that never tick.
/// </summary>
public sealed class PrefixSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var folder = configuration[PrefixCluster.FolderSetting]!;
        siloBuilder.Services.AddSingleton<TimeProvider>(PrefixCluster.Clocks[configuration[PrefixCluster.ClockSetting]!]);
        siloBuilder.Services.AddPinpointIngestion(configuration);
        siloBuilder.Services.AddSingleton<ITrailObjectStoreFactory>(new FolderStores(folder));
        siloBuilder.Services.RemoveAll<IReminderRegistry>();
        siloBuilder.Services.AddSingleton<IReminderRegistry, NoReminders>();
        siloBuilder.AddMemoryGrainStorage(StorageNames.Audit, memory => memory.GrainStorageSerializer = new GrainStateJsonSerializer());
    }

    private sealed class FolderStores(string folder) : ITrailObjectStoreFactory
    {
        public ITrailObjectStore Open(string bucket, string? account) => new DenyingStore(new LocalFolderObjectStore(folder));

        public string DescribeCredentials(string bucket, string? account) => "local folder";
    }

    /// <summary>Refuses the GETs of the keys a test put in <see cref="PrefixCluster.DeniedKeys"/>, as S3 refuses a role without access.</summary>
    private sealed class DenyingStore(ITrailObjectStore inner) : ITrailObjectStore
    {
        public Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken) => inner.ListAsync(request, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => PrefixCluster.DeniedKeys.ContainsKey(key)
            ? throw new TrailStoreException(TrailStoreErrorKind.Denied, "AccessDenied", "Access Denied (test)")
            : inner.OpenReadAsync(key, cancellationToken);
    }
}
