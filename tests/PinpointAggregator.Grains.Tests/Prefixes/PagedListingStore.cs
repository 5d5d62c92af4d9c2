using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>Lists a fixed set of keys the way S3 does (ordinal order, <c>StartAfter</c>), a few keys a page, and counts the pages.</summary>
internal sealed class PagedListingStore(int pageSize, IEnumerable<string> keys) : ITrailObjectStore
{
    private readonly List<string> _keys = [.. keys.Order(StringComparer.Ordinal)];

    public int Lists { get; private set; }

    public Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken)
    {
        Lists++;
        var after = _keys.Where(k => k.StartsWith(request.Prefix, StringComparison.Ordinal) && string.CompareOrdinal(k, request.StartAfter) > 0).ToList();
        var page = after.Take(pageSize).Select(k => new TrailObject(k, 100)).ToList();
        return Task.FromResult(new TrailObjectListing(page, [], after.Count > pageSize ? "more" : null));
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException("The reconcile only lists; the grain reads.");
}
