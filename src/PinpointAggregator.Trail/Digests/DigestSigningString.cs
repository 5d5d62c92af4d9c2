using System.Globalization;

namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// The data CloudTrail signs for a digest (User Guide, "Recreate the data signing string"): four lines joined by
/// <c>\n</c> with no trailing newline — the digest end time (UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>), the digest's
/// <c>bucket/key</c>, the hex SHA-256 of its uncompressed content, and the previous digest's hex signature
/// (<c>null</c> for the first digest of a chain).
/// </summary>
public static class DigestSigningString
{
    /// <summary>The last line of the first digest of a chain, which has no previous signature.</summary>
    public const string NoPreviousSignature = "null";

    /// <summary>
    /// The signing string of <paramref name="digest"/>, from its own fields: the bucket and key it says it was
    /// written to (a digest found elsewhere was moved, which the caller reports separately) and its previous signature.
    /// </summary>
    public static string For(DigestFile digest, string uncompressedSha256)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return Build(digest.DigestEndTime, digest.DigestS3Bucket, digest.DigestS3Object, uncompressedSha256, digest.PreviousDigestSignature);
    }

    public static string Build(DateTimeOffset digestEndTime, string bucket, string key, string uncompressedSha256, string? previousSignature)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(uncompressedSha256);
        var end = digestEndTime.UtcDateTime.ToString(DigestJsonParser.TimeFormat, CultureInfo.InvariantCulture);
        return $"{end}\n{bucket}/{key}\n{uncompressedSha256}\n{previousSignature ?? NoPreviousSignature}";
    }
}
