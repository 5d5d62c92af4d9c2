using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using PinpointAggregator.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>Each test silo: the production ingestion services and stores, durable test storage, in-memory reminders.</summary>
public sealed class IngestionSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddPinpointIngestion(siloBuilder.Configuration).AddTrailStores(siloBuilder.Configuration);
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Audit, (sp, _) => ActivatorUtilities.CreateInstance<ProcessWideGrainStorage>(sp));
        siloBuilder.UseInMemoryReminderService();
    }
}
