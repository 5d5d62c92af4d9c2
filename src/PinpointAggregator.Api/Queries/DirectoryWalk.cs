using System.Runtime.CompilerServices;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Queries;

/// <summary>Every listing of the directory that matches a query, read page by page (for sums, never for a response as a whole).</summary>
internal static class DirectoryWalk
{
    private const int PageSize = 1000;

    public static async IAsyncEnumerable<ApplicationListing> AllAsync(IApplicationDirectory directory, ApplicationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        (string, string, string)? after = null;
        while (true)
        {
            var page = await directory.ListAsync(query, after, PageSize, cancellationToken);
            foreach (var listing in page)
            {
                yield return listing;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            var last = page[^1];
            after = (last.Account, last.Region, last.ApplicationId);
        }
    }
}
