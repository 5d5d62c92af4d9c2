namespace PinpointAggregator.Trail.Storage;

/// <summary>One listed object: its key and its size in bytes as stored (compressed, for trail files).</summary>
/// <remarks>
/// The size comes with the listing for free (S3's <c>ListObjectsV2</c> returns it), so a file too large to
/// read can be set aside without a single GET.
/// </remarks>
public sealed record TrailObject(string Key, long Size);
