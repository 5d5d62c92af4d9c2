using Orleans.TestingHost;
using PinpointAggregator.Abstractions;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>The test client speaks the silo's serialization (the audit library's types as JSON).</summary>
public sealed class PrefixClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddPinpointSerialization();
}
