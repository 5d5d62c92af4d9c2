namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// One CloudTrail digest file, as its JSON says (CloudTrail User Guide, "CloudTrail digest file structure").
/// Every value was checked for shape by <see cref="DigestFileReader"/>; whether it is true (the signature, the
/// chain, the listed logs) is for the verifier to say.
/// </summary>
/// <remarks>
/// Hex values (hashes, fingerprint, signatures) are lower-cased. The <c>previousDigest*</c> fields are all
/// null for the first digest of a chain (validation just turned on, or a backfill chain's start) and all
/// present otherwise.
/// </remarks>
public sealed record DigestFile
{
    /// <summary>The account whose logs the digest covers (<c>awsAccountId</c>).</summary>
    public required string AwsAccountId { get; init; }

    public required DateTimeOffset DigestStartTime { get; init; }

    /// <summary>The end of the covered hour; the first line of the signing string.</summary>
    public required DateTimeOffset DigestEndTime { get; init; }

    /// <summary>The bucket CloudTrail wrote the digest to; with <see cref="DigestS3Object"/> the second line of the signing string.</summary>
    public required string DigestS3Bucket { get; init; }

    /// <summary>The key CloudTrail wrote the digest to: a digest found under another key was moved or copied.</summary>
    public required string DigestS3Object { get; init; }

    /// <summary>Hex MD5 of the DER public key whose private key signed the digest.</summary>
    public required string DigestPublicKeyFingerprint { get; init; }

    /// <summary>The signature algorithm; CloudTrail uses <c>SHA256withRSA</c>.</summary>
    public required string DigestSignatureAlgorithm { get; init; }

    /// <summary>The newest event of the listed logs; null when the hour delivered no log file.</summary>
    public DateTimeOffset? NewestEventTime { get; init; }

    /// <summary>The oldest event of the listed logs; null when the hour delivered no log file.</summary>
    public DateTimeOffset? OldestEventTime { get; init; }

    public string? PreviousDigestS3Bucket { get; init; }

    public string? PreviousDigestS3Object { get; init; }

    /// <summary>Hex hash of the previous digest's uncompressed content.</summary>
    public string? PreviousDigestHashValue { get; init; }

    /// <summary>The algorithm of <see cref="PreviousDigestHashValue"/>; CloudTrail uses <c>SHA-256</c>.</summary>
    public string? PreviousDigestHashAlgorithm { get; init; }

    /// <summary>Hex signature of the previous digest: the last line of this digest's signing string.</summary>
    public string? PreviousDigestSignature { get; init; }

    /// <summary>The log files delivered in the hour; empty for an hour without any.</summary>
    public required IReadOnlyList<DigestLogFile> LogFiles { get; init; }

    /// <summary>True for the first digest of a chain: it names no previous digest.</summary>
    public bool StartsChain => PreviousDigestS3Object is null;
}
