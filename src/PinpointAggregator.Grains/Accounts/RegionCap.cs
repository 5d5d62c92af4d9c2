using PinpointAggregator.Abstractions.Options;

namespace PinpointAggregator.Grains.Accounts;

/// <summary>
/// <c>Ingestion:MaxRegionsPerAccount</c>: region folders are written by the member account, so past the cap a new one is
/// reported, not polled (configured regions are always polled).
/// </summary>
internal static class RegionCap
{
    /// <summary>Whether a region not started yet would be refused now: the account has its cap of prefixes and the region is not configured.</summary>
    public static bool Full(AccountState state, IngestionOptions options, string region) =>
        state.Prefixes.Count >= options.MaxRegionsPerAccount && !options.Regions.Contains(region);

    /// <summary>
    /// Whether a discovery round could not start <paramref name="region"/>: it was refused before, or the cap is full and
    /// no prefix of the region is known (a known one whose start failed is started by the next round).
    /// </summary>
    public static bool Refuses(AccountState state, IngestionOptions options, string region) =>
        state.RegionsIgnored.Contains(region)
        || (Full(state, options, region) && !state.Prefixes.Any(p => p.EndsWith($"/CloudTrail/{region}/", StringComparison.Ordinal)));
}
