using Orleans.TestingHost;
using PinpointAggregator.Abstractions;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>The test cluster's client speaks the same serialization as the silos (the audit library's types as JSON).</summary>
public sealed class IngestionClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddPinpointSerialization();
}
