using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.EventStore;
using Orleans.TestingHost;
using PinpointAggregator.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>Each test silo: the production ingestion services and stores, durable test storage (counted by a StorageProbe), audit and done-key stores, in-memory reminders.</summary>
public sealed class IngestionSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddSingleton<IAuditStore>(sp => ProcessWideAuditStore.For(sp.GetRequiredService<IOptions<ClusterOptions>>()));
        siloBuilder.Services.AddSingleton<IDoneKeyStore>(sp => ProcessWideDoneKeys.For(sp.GetRequiredService<IOptions<ClusterOptions>>()));
        siloBuilder.Services.AddPinpointIngestion(siloBuilder.Configuration).AddTrailStores(siloBuilder.Configuration);
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Audit, (sp, _) => ActivatorUtilities.CreateInstance<ProbedGrainStorage>(sp));
        siloBuilder.UseInMemoryReminderService();
    }
}
