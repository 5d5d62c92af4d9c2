using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Organization;

/// <summary>
/// Finds the accounts delivering into one bucket: a delimiter listing of <c>[prefix/]AWSLogs/</c> gives
/// organization ids and plain-layout accounts (an organization's management account can write both), and
/// one of each <c>AWSLogs/o-ORGID/</c> gives the organization's accounts. Configured accounts are added
/// under every organization found (or the configured one).
/// </summary>
internal static class AccountDiscovery
{
    public static async Task<List<(string Account, TrailLocation Location)>> FindAsync(
        ITrailObjectStore store, TrailBucketOptions bucket, IReadOnlyList<string> configuredAccounts, Action countRequest, CancellationToken cancellationToken)
    {
        var found = new List<(string, TrailLocation)>();
        var plain = new TrailLocation(bucket.Name, bucket.Prefix, null);
        var organizations = new List<string>();
        foreach (var name in await DelimiterListing.ChildNamesAsync(store, plain.Root.AccountsPrefix, countRequest, cancellationToken))
        {
            if (TrailNames.IsAccountId(name))
            {
                found.Add((name, plain));
            }
            else if (TrailNames.IsOrganizationId(name) && (bucket.OrganizationId is null || bucket.OrganizationId == name))
            {
                organizations.Add(name);
            }
        }

        if (bucket.OrganizationId is { } configured && !organizations.Contains(configured))
        {
            organizations.Add(configured);
        }

        foreach (var organization in organizations)
        {
            var location = new TrailLocation(bucket.Name, bucket.Prefix, organization);
            var accounts = await DelimiterListing.ChildNamesAsync(store, location.Root.AccountsPrefix, countRequest, cancellationToken);
            found.AddRange(accounts.Where(a => TrailNames.IsAccountId(a)).Select(a => (a, location)));
        }

        var locations = organizations.Count > 0 ? organizations.Select(o => new TrailLocation(bucket.Name, bucket.Prefix, o)).ToList() : [plain];
        found.AddRange(configuredAccounts.SelectMany(a => locations.Select(l => (a, l))));
        return [.. found.Distinct()];
    }
}
