using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;

namespace PinpointAggregator.Grains.Organization;

/// <summary>
/// The status of discovery, of every discovered account and of every prefix they run, taken in one walk
/// (organization → accounts → prefixes), with the calls at each level made together.
/// </summary>
public sealed record OrganizationSnapshot(OrganizationStatus Organization, IReadOnlyList<AccountStatus> Accounts, IReadOnlyList<PrefixStatus> Prefixes)
{
    public static async Task<OrganizationSnapshot> TakeAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var organization = await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync();
        var accounts = await Task.WhenAll(organization.Accounts.Select(a => grains.GetGrain<IAccountGrain>(a).GetStatusAsync()));
        var prefixes = await Task.WhenAll(accounts.SelectMany(a => a.Prefixes).Select(p => grains.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));
        return new(organization, accounts, prefixes);
    }
}
