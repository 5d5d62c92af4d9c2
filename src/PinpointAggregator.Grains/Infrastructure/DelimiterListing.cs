using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// The names one level below a prefix, from a <c>Delimiter=/</c> listing: how accounts and regions are
/// discovered without listing every object.
/// </summary>
internal static class DelimiterListing
{
    public static async Task<List<string>> ChildNamesAsync(ITrailObjectStore store, string prefix, Action countRequest, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var request = new TrailListRequest(prefix, Delimiter: "/");
        while (true)
        {
            countRequest();
            var page = await store.ListAsync(request, cancellationToken);
            names.AddRange(page.CommonPrefixes.Select(p => p[prefix.Length..].TrimEnd('/')));
            if (page.ContinuationToken is null)
            {
                return names;
            }

            request = request with { ContinuationToken = page.ContinuationToken };
        }
    }
}
