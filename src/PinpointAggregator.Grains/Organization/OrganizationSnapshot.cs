using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;

namespace PinpointAggregator.Grains.Organization;

/// <summary>
/// The status of discovery, of every discovered account and of every prefix they run, taken in one walk
/// (organization → accounts → prefixes), with the calls at each level made together.
/// </summary>
public sealed record OrganizationSnapshot(OrganizationStatus Organization, IReadOnlyList<AccountStatus> Accounts, IReadOnlyList<PrefixStatus> Prefixes)
{
    /// <param name="grains">The cluster.</param>
    /// <param name="accounts">Only these accounts (a caller's scope); null for every account.</param>
    public static async Task<OrganizationSnapshot> TakeAsync(IGrainFactory grains, IReadOnlySet<string>? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var organization = await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync();
        var statuses = await Task.WhenAll(organization.Accounts.Where(a => accounts is null || accounts.Contains(a)).Select(a => grains.GetGrain<IAccountGrain>(a).GetStatusAsync()));
        var prefixes = await Task.WhenAll(statuses.SelectMany(a => a.Prefixes).Select(p => grains.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));
        return new(organization, statuses, prefixes);
    }
}
