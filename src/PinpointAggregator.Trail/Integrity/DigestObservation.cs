using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Integrity;

/// <summary>One digest file as found: where, what reading it gave, and its signature when the store had one.</summary>
/// <param name="Bucket">The bucket it was found in; null for a local copy, whose bucket is unknown (then only the key is compared with the digest's stated location).</param>
/// <param name="Key">The key it was found at (relative to the bucket, or to the local copy's root).</param>
/// <param name="Read">The reader's outcome: the digest and its content's SHA-256, or why it is not a digest.</param>
/// <param name="SignatureHex">The object's <c>x-amz-meta-signature</c>, or the value a signature map gives for the key; null when unknown, and then the next digest's <c>previousDigestSignature</c> is used.</param>
public sealed record DigestObservation(string? Bucket, string Key, DigestReadResult Read, string? SignatureHex);
