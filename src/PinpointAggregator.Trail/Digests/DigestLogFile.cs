namespace PinpointAggregator.Trail.Digests;

/// <summary>One log file a digest lists: where CloudTrail delivered it and the hash of its uncompressed content.</summary>
/// <param name="S3Bucket">The bucket the log was delivered to.</param>
/// <param name="S3Object">The log's key.</param>
/// <param name="HashValue">Lower-case hex hash of the uncompressed log (compare with the reader's <c>UncompressedSha256</c>).</param>
/// <param name="HashAlgorithm">The algorithm of <paramref name="HashValue"/>; CloudTrail uses <c>SHA-256</c>.</param>
/// <param name="NewestEventTime">The newest event in the log.</param>
/// <param name="OldestEventTime">The oldest event in the log.</param>
public sealed record DigestLogFile(string S3Bucket, string S3Object, string HashValue, string HashAlgorithm, DateTimeOffset NewestEventTime, DateTimeOffset OldestEventTime);
