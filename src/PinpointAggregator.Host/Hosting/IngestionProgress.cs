using PinpointAggregator.Grains.Organization;

namespace PinpointAggregator.Host.Hosting;

/// <summary>How far ingestion has got across the organization.</summary>
internal sealed record IngestionProgress(int Accounts, int Prefixes, int CaughtUp, long Files, long Events)
{
    /// <summary>Discovery ran, found accounts, and every prefix finished its first pass.</summary>
    public bool Complete { get; init; }

    public static async Task<IngestionProgress> TakeAsync(IGrainFactory grains)
    {
        var (organization, accounts, prefixes) = await OrganizationSnapshot.TakeAsync(grains);
        var accountsDiscovered = accounts.All(a => a.Health.LastSuccessAt is not null || a.Health.LastFailureAt is not null);
        return new(accounts.Count, prefixes.Count, prefixes.Count(p => p.CaughtUp), prefixes.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined), prefixes.Sum(p => p.Counters.Events))
        {
            Complete = organization.LastDiscoveryAt is not null && accounts.Count > 0 && accountsDiscovered && prefixes.Count > 0 && prefixes.All(p => p.CaughtUp),
        };
    }
}
