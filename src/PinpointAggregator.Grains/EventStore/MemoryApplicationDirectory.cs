using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Grains.EventStore;

/// <summary>The in-memory store's application directory: one listing per application, sorted by (account, region, application id), ordinally.</summary>
internal sealed class MemoryApplicationDirectory
{
    private static readonly Comparer<ApplicationListing> KeyOrder = Comparer<ApplicationListing>.Create(CompareKeys);

    private readonly Lock _lock = new();
    private readonly SortedSet<ApplicationListing> _listings = new(KeyOrder);

    public void Put(ApplicationListing listing)
    {
        lock (_lock)
        {
            // The set compares keys only: removing the old line finds it by the new one's key.
            _listings.Remove(listing);
            _listings.Add(listing);
        }
    }

    public IReadOnlyList<ApplicationListing> List(ApplicationQuery query, (string Account, string Region, string ApplicationId)? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var accounts = query.Accounts is null ? null : new HashSet<string>(query.Accounts, StringComparer.Ordinal);
        var regions = new HashSet<string>(query.Regions, StringComparer.Ordinal);
        var found = new List<ApplicationListing>(Math.Min(Math.Max(limit, 0), 1024));
        lock (_lock)
        {
            if (limit <= 0 || _listings.Count == 0)
            {
                return found;
            }

            IEnumerable<ApplicationListing> range = _listings;
            if (after is { } key)
            {
                var probe = new ApplicationListing { Account = key.Account, Region = key.Region, ApplicationId = key.ApplicationId };
                if (KeyOrder.Compare(probe, _listings.Max!) >= 0)
                {
                    return found;
                }

                range = _listings.GetViewBetween(probe, _listings.Max!).Where(l => KeyOrder.Compare(l, probe) > 0);
            }

            foreach (var listing in range)
            {
                if (Matches(listing, query, accounts, regions))
                {
                    found.Add(listing);
                    if (found.Count == limit)
                    {
                        break;
                    }
                }
            }
        }

        return found;
    }

    private static bool Matches(ApplicationListing listing, ApplicationQuery query, HashSet<string>? accounts, HashSet<string> regions) =>
        (accounts is null || accounts.Contains(listing.Account))
        && (regions.Count == 0 || regions.Contains(listing.Region))
        && (query.Deleted is not { } deleted || listing.Deleted == deleted)
        && (string.IsNullOrEmpty(query.NameContains) || (listing.Name?.Contains(query.NameContains, StringComparison.OrdinalIgnoreCase) ?? false))
        && (query.ActiveSince is not { } since || listing.LastEventAt >= since)
        && (!query.HasErrors || listing.Errors > 0);

    private static int CompareKeys(ApplicationListing? a, ApplicationListing? b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byAccount = string.CompareOrdinal(a.Account, b.Account);
        if (byAccount != 0)
        {
            return byAccount;
        }

        var byRegion = string.CompareOrdinal(a.Region, b.Region);
        return byRegion != 0 ? byRegion : string.CompareOrdinal(a.ApplicationId, b.ApplicationId);
    }
}
