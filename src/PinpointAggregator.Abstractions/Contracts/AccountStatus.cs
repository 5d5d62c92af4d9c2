using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>One account: credential health, where its trails are, its regions, and account-level events.</summary>
[GenerateSerializer, Immutable, Alias("pa.AccountStatus")]
public sealed record AccountStatus
{
    [Id(0)] public string Account { get; init; } = string.Empty;

    [Id(1)] public AccountHealth Health { get; init; } = new();

    [Id(2)] public IReadOnlyList<TrailLocation> Locations { get; init; } = [];

    /// <summary>The trail prefix grains this account runs (their keys).</summary>
    [Id(3)] public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>Pinpoint events that address no application (GetApps, a failed CreateApp, ...).</summary>
    [Id(4)] public ActivityCounts AccountLevel { get; init; } = new();

    /// <summary>Region folders found past <c>Ingestion:MaxRegionsPerAccount</c> and not read.</summary>
    [Id(5)] public IReadOnlyList<string> RegionsIgnored { get; init; } = [];
}
