using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>Puts the flaky store in place before the production registration (which only adds one if none is there).</summary>
public sealed class FlakyStoreConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.Services.AddSingleton<ITrailObjectStoreFactory, FlakyStoreFactory>();
}
