namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary>
/// A service of its own, run while no other test runs (<c>DisableParallelization</c>). OpenTelemetry listens to
/// meters by name across the process, so the counters of two services ingesting at once would add up; alone,
/// the scrape holds exactly this service's counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedService : ICollectionFixture<IsolatedServiceFixture>
{
    public const string Name = "isolated service";
}

/// <summary>The same service as <see cref="ServiceFixture"/>, one instance for <see cref="IsolatedService"/>.</summary>
public sealed class IsolatedServiceFixture : ServiceFixture;
