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
    /// <summary>One page (at most 1,000 keys) of a listing, with each object's size.</summary>
    Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the object for one forward pass. The caller owns the stream and must dispose it, which also
    /// releases the connection behind it.
    /// </summary>
    /// <remarks>
    /// A stream, never a byte array: the object is not trusted to be small, and the reader needs no more
    /// than a window of it. Opening fails with a <see cref="TrailStoreException"/>; reading fails with an
    /// <see cref="IOException"/> (the network or disk), which says nothing about the file itself.
    /// </remarks>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the object as <see cref="OpenReadAsync"/> does, with its user metadata from the same request (S3
    /// returns it on the GET: no extra request). A store that keeps no metadata returns none.
    /// </summary>
    async Task<TrailObjectContent> OpenWithMetadataAsync(string key, CancellationToken cancellationToken) =>
        TrailObjectContent.WithoutMetadata(await OpenReadAsync(key, cancellationToken).ConfigureAwait(false));
}
