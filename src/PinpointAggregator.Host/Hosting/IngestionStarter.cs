using Microsoft.Extensions.Hosting;
using PinpointAggregator.Abstractions.Grains;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// Starts organization discovery once the silo is up. Idempotent: the organization grain keeps itself
/// scheduled with a reminder, so this only matters the very first time a cluster starts.
/// </summary>
internal sealed class IngestionStarter(IGrainFactory grains) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync();
}
