using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Grains.Accounts;

/// <summary>
/// <c>Ingestion:MaxRegionsPerAccount</c>: region folders are written by the member account, so past the cap a new one is
/// reported, not polled. Configured regions and the regions AWS publishes (<see cref="AwsRegions"/>) are always polled:
/// made-up folders must not take the places of real regions.
/// </summary>
internal static class RegionCap
{
    /// <summary>
    /// Whether a region not started yet would be refused now: the account has its cap of prefixes, and the region is
    /// neither configured nor one AWS publishes.
    /// </summary>
    public static bool Full(AccountState state, IngestionOptions options, string region) =>
        state.Prefixes.Count >= options.MaxRegionsPerAccount && !options.Regions.Contains(region) && !AwsRegions.IsPublished(region);

    /// <summary>
    /// Whether a discovery round could not start <paramref name="region"/>: the cap is full for it, and no prefix of the
    /// region is known (a known one whose start failed is started by the next round).
    /// </summary>
    public static bool Refuses(AccountState state, IngestionOptions options, string region) =>
        Full(state, options, region) && !state.Prefixes.Any(p => p.EndsWith($"/CloudTrail/{region}/", StringComparison.Ordinal));
}
