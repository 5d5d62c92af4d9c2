using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// The names one level below a prefix, from a <c>Delimiter=/</c> listing: how accounts and regions are
/// discovered without listing every object.
/// </summary>
internal static class DelimiterListing
{
    public static async Task<List<string>> ChildNamesAsync(ITrailObjectStore store, string prefix, Action countRequest, CancellationToken cancellationToken) =>
        (await ChildNamesAsync(store, prefix, int.MaxValue, countRequest, cancellationToken)).Names;

    /// <summary>The child names in at most <paramref name="maxPages"/> pages; <c>Truncated</c> when more were left.</summary>
    public static async Task<(List<string> Names, bool Truncated)> ChildNamesAsync(ITrailObjectStore store, string prefix, int maxPages, Action countRequest, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var request = new TrailListRequest(prefix, Delimiter: "/");
        for (var pages = 1; ; pages++)
        {
            countRequest();
            var page = await store.ListAsync(request, cancellationToken);
            names.AddRange(page.CommonPrefixes.Select(p => p[prefix.Length..].TrimEnd('/')));
            if (page.ContinuationToken is null)
            {
                return (names, false);
            }

            if (pages >= maxPages)
            {
                return (names, true);
            }

            request = request with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>Whether anything lies under <paramref name="prefix"/>: one LIST of one page.</summary>
    public static async Task<bool> AnyAsync(ITrailObjectStore store, string prefix, Action countRequest, CancellationToken cancellationToken)
    {
        countRequest();
        var page = await store.ListAsync(new TrailListRequest(prefix, Delimiter: "/"), cancellationToken);
        return page.Objects.Count > 0 || page.CommonPrefixes.Count > 0;
    }
}
