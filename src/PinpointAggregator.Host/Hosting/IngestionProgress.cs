using PinpointAggregator.Abstractions.Grains;

namespace PinpointAggregator.Host.Hosting;

/// <summary>How far ingestion has got across the organization.</summary>
internal sealed record IngestionProgress(int Accounts, int Prefixes, int CaughtUp, long Files, long Events)
{
    /// <summary>Discovery ran, found accounts, each listed its regions, and every prefix finished its first pass.</summary>
    public bool Complete { get; init; }

    /// <summary>One call to the organization grain, which sums its accounts', which ask only their unfinished prefixes.</summary>
    public static async Task<IngestionProgress> TakeAsync(IGrainFactory grains)
    {
        var p = await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetProgressAsync();
        return new(p.Accounts, p.Prefixes, p.CaughtUp, p.Files, p.Events)
        {
            Complete = p.Discovered && p.Accounts > 0 && p.AccountsDiscovered == p.Accounts && p.Prefixes > 0 && p.CaughtUp == p.Prefixes,
        };
    }
}
