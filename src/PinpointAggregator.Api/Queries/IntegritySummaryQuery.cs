using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.Integrity;

namespace PinpointAggregator.Api.Queries;

/// <summary>
/// Gathers the integrity summary over some accounts: each prefix's status from its grain (validated through,
/// lag, digests, errors), the findings by kind from the finding store, which keeps every one, so the counts
/// are exactly what ListIntegrityFindings lists with the same accounts.
/// </summary>
internal sealed class IntegritySummaryQuery(IGrainFactory grains, IIntegrityFindingStore findings)
{
    /// <param name="accounts">The accounts to sum; null for every account.</param>
    /// <param name="cancellationToken">The call's.</param>
    public async Task<IntegritySummary> RunAsync(IReadOnlyCollection<string>? accounts, CancellationToken cancellationToken)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync();
        var included = organization.Accounts.Where(a => accounts is null || accounts.Contains(a)).Distinct(StringComparer.Ordinal).ToList();
        var statuses = await Task.WhenAll(included.Select(a => grains.GetGrain<IAccountGrain>(a).GetStatusAsync()));
        var prefixes = await Task.WhenAll(statuses.SelectMany(s => s.Prefixes).Distinct(StringComparer.Ordinal)
            .Select(p => grains.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));
        var builder = new IntegritySummaryBuilder();
        foreach (var prefix in prefixes)
        {
            builder.Add(prefix.Integrity);
        }

        var byKind = await findings.CountByKindAsync(new IntegrityFindingQuery(Accounts: accounts), cancellationToken);
        return builder.Build(byKind);
    }
}
