using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>Answers GETs from a script, one step per call, and remembers the streams it handed out.</summary>
internal sealed class ScriptedStore(params Func<Stream>[] steps) : ITrailObjectStore
{
    private readonly List<Stream> _opened = [];
    private int _next;

    /// <summary>GETs made: every one goes through <see cref="OpenReadAsync"/>, the store's only read.</summary>
    public int Opens => _next;

    public bool AllDisposed => _opened.All(s => !s.CanRead);

    public Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken) => Task.FromResult(TrailObjectListing.Empty);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var stream = steps[_next++]();
        _opened.Add(stream);
        return Task.FromResult(stream);
    }
}
