using System.Collections.Concurrent;

namespace PinpointAggregator.Api.Tests;

/// <summary>The oracle of the shared service's sample, read once (its files do not change).</summary>
internal static class Oracles
{
    private static readonly ConcurrentDictionary<string, TrailOracle> Read = new(StringComparer.Ordinal);

    public static TrailOracle Of(ServiceFixture service) => Read.GetOrAdd(service.SampleFolder, TrailOracle.Read);
}
