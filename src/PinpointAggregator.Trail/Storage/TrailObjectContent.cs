namespace PinpointAggregator.Trail.Storage;

/// <summary>An object opened for one forward pass, with the user metadata the store keeps beside it.</summary>
/// <param name="Content">The body; the caller owns it and must dispose it (disposing this does).</param>
/// <param name="Metadata">
/// User metadata by lower-case name without S3's <c>x-amz-meta-</c> prefix (a digest's <c>signature</c>);
/// empty for a store without metadata (a local folder). Values are the member account's: untrusted.
/// </param>
public sealed record TrailObjectContent(Stream Content, IReadOnlyDictionary<string, string> Metadata) : IDisposable
{
    /// <summary>A body without metadata.</summary>
    public static TrailObjectContent WithoutMetadata(Stream content) => new(content, new Dictionary<string, string>(StringComparer.Ordinal));

    public void Dispose() => Content.Dispose();
}
