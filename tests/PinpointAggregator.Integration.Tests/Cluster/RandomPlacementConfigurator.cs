using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>
/// Random placement: Orleans' default (resource-optimized) may keep every grain of a small test on one
/// silo, and a test that kills a silo must know the grains are spread.
/// </summary>
public sealed class RandomPlacementConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
}
