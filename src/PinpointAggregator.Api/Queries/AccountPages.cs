using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Queries;

/// <summary>
/// Accounts with their prefixes' status, in account id order, a page at a time: only the accounts of the page
/// (and, when filtering for problems, the few read past it) are asked for their status.
/// </summary>
internal sealed class AccountPages(IGrainFactory grains)
{
    /// <summary>The accounts the caller may see, in order.</summary>
    public async Task<IReadOnlyList<string>> VisibleAsync(Func<string, bool> canSee)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync();
        return [.. organization.Accounts.Where(canSee).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Up to <paramref name="limit"/> accounts after <paramref name="after"/>, and the last account examined when
    /// more may follow (null when the list is done): the next page starts after it.
    /// </summary>
    public async Task<(IReadOnlyList<Account> Accounts, string? ResumeAfter)> ReadAsync(IReadOnlyList<string> visible, string? after, int limit, bool problemsOnly, CancellationToken cancellationToken)
    {
        var remaining = visible.Where(a => after is null || string.CompareOrdinal(a, after) > 0).ToList();
        var page = new List<Account>(limit);
        var next = 0;
        while (page.Count < limit && next < remaining.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = remaining.Skip(next).Take(limit - page.Count).ToList();
            next += chunk.Count;
            foreach (var (status, prefixes) in await Task.WhenAll(chunk.Select(ReadAsync)))
            {
                if (!problemsOnly || AccountMapping.HasProblems(status, prefixes))
                {
                    page.Add(status.ToProto(prefixes));
                }
            }
        }

        return (page, next < remaining.Count ? remaining[next - 1] : null);
    }

    public async Task<(AccountStatus Status, IReadOnlyList<PrefixStatus> Prefixes)> ReadAsync(string account)
    {
        var status = await grains.GetGrain<IAccountGrain>(account).GetStatusAsync();
        var prefixes = await Task.WhenAll(status.Prefixes.Select(p => grains.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));
        return (status, prefixes);
    }
}
