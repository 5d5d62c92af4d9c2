namespace PinpointAggregator.Api.Paging;

/// <summary>The cluster's page-token key, asked of its grain once per silo and kept in memory.</summary>
internal sealed class PageTokenKeys(IGrainFactory grains)
{
    private readonly Lock _lock = new();
    private Task<byte[]>? _key;

    public Task<byte[]> GetAsync()
    {
        lock (_lock)
        {
            // A failed fetch (the grain's storage away) is not cached: the next request asks again.
            if (_key is null || _key.IsFaulted || _key.IsCanceled)
            {
                _key = grains.GetGrain<IPageTokenKeyGrain>(IPageTokenKeyGrain.DefaultKey).GetKeyAsync();
            }

            return _key;
        }
    }
}
