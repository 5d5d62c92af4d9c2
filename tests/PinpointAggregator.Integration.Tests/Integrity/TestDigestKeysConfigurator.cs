using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>Registers the cluster's <see cref="TestDigestKeys"/> as the silo's public-key source.</summary>
public sealed class TestDigestKeysConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.Services.AddSingleton<IDigestPublicKeySource>(sp => TestDigestKeys.For(sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
}
