using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>One account: credential health, where its trails are, its regions, and account-level events.</summary>
[GenerateSerializer, Alias("pa.AccountStatus")]
public sealed class AccountStatus
{
    [Id(0)] public string Account { get; set; } = string.Empty;

    [Id(1)] public AccountHealth Health { get; set; } = new();

    [Id(2)] public List<TrailLocation> Locations { get; init; } = [];

    /// <summary>The trail prefix grains this account runs (their keys).</summary>
    [Id(3)] public List<string> Prefixes { get; init; } = [];

    /// <summary>Pinpoint events that address no application (GetApps, a failed CreateApp, ...).</summary>
    [Id(4)] public ActivityCounts AccountLevel { get; set; } = new();
}
