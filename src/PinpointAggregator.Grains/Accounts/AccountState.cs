using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Grains.Accounts;

/// <summary>
/// Persisted state of an account grain: never credentials, only where to read and how it went. Version 4
/// moved the account-level audit to the audit store (<see cref="AccountLevelState"/>).
/// </summary>
[GenerateSerializer, Alias("pa.AccountState")]
public sealed class AccountState
{
    public const int CurrentVersion = 4;

    [Id(0)] public int Version { get; set; } = CurrentVersion;

    [Id(1)] public List<TrailLocation> Locations { get; init; } = [];

    [Id(2)] public HashSet<string> Prefixes { get; init; } = new(StringComparer.Ordinal);

    [Id(3)] public AccountHealthState Health { get; init; } = new();

    /// <summary>Region folders found past <c>Ingestion:MaxRegionsPerAccount</c>, not read (bounded by the cap's use: names only).</summary>
    [Id(7)] public HashSet<string> RegionsIgnored { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Where new prefixes of this account start reading.</summary>
    [Id(6)] public DateTime BackfillFrom { get; set; }
}
