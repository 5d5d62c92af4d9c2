namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>The S3 request kinds counted in status and metrics (S3 bills them differently).</summary>
/// <remarks>Digest requests are counted apart so their cost shows; S3 bills them as LIST and GET.</remarks>
public static class RequestKinds
{
    public const string List = "List";
    public const string Get = "Get";

    /// <summary>A <c>ListObjectsV2</c> of a <c>CloudTrail-Digest/</c> folder (at most one per poll).</summary>
    public const string DigestList = "DigestList";

    /// <summary>A <c>GetObject</c> of a digest file (one per digest).</summary>
    public const string DigestGet = "DigestGet";
}
