using PinpointAggregator.Abstractions.Grains;

namespace PinpointAggregator.Host.Hosting;

/// <summary>How far ingestion has got across the organization.</summary>
internal sealed record IngestionProgress(int Accounts, int Prefixes, int CaughtUp, long Files, long Events)
{
    /// <summary>Discovery ran, found accounts, and every prefix finished its first pass.</summary>
    public bool Complete { get; init; }

    public static async Task<IngestionProgress> TakeAsync(IGrainFactory grains)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync();
        var accounts = await Task.WhenAll(organization.Accounts.Select(a => grains.GetGrain<IAccountGrain>(a).GetStatusAsync()));
        var prefixes = await Task.WhenAll(accounts.SelectMany(a => a.Prefixes).Select(p => grains.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));
        var accountsDiscovered = accounts.All(a => a.Health.LastSuccessAt is not null || a.Health.LastFailureAt is not null);
        return new(accounts.Length, prefixes.Length, prefixes.Count(p => p.CaughtUp), prefixes.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined), prefixes.Sum(p => p.Counters.Events))
        {
            Complete = organization.LastDiscoveryAt is not null && accounts.Length > 0 && accountsDiscovered && prefixes.Length > 0 && prefixes.All(p => p.CaughtUp),
        };
    }
}
