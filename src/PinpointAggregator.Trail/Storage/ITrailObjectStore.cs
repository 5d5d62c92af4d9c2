namespace PinpointAggregator.Trail.Storage;

/// <summary>
/// Where trail files live: an S3 bucket or a local folder with the same layout. Only the two calls a
/// trail reader needs, with S3's semantics (keys in ordinal order, <c>StartAfter</c>, delimiter).
/// </summary>
/// <remarks>
/// Failures are <see cref="TrailStoreException"/>s whose <see cref="TrailStoreErrorKind"/> tells the
/// caller whether to retry (transient), wait for the account to recover (denied) or give up on a key.
/// </remarks>
public interface ITrailObjectStore
{
    /// <summary>One page (at most 1,000 keys) of a listing.</summary>
    Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken);

    /// <summary>The whole object. Trail files are small (kilobytes to a few megabytes compressed).</summary>
    Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken);
}
