namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// What a chain remembers of one digest it has checked: enough to check its successor's
/// <c>previousDigest*</c> fields, and to verify its own signature late when it had none.
/// </summary>
/// <param name="FoundKey">Where the digest was found.</param>
/// <param name="StatedKey">Where the digest says it was written (<c>digestS3Object</c>); its successor names this key.</param>
/// <param name="Start">The digest's <c>digestStartTime</c>.</param>
/// <param name="End">The digest's <c>digestEndTime</c>.</param>
/// <param name="Sha256">The hex SHA-256 of its uncompressed content; null when the file was not a readable digest.</param>
/// <param name="Signature">Its signature (from the store or a signature map), null when unknown.</param>
/// <param name="PendingSigningString">When <paramref name="Signature"/> was unknown: the signing string to verify with the successor's <c>previousDigestSignature</c>; otherwise null.</param>
/// <param name="Fingerprint">The digest's <c>digestPublicKeyFingerprint</c>, for that late verification.</param>
public sealed record DigestLink(
    string FoundKey,
    string StatedKey,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Sha256,
    string? Signature,
    string? PendingSigningString,
    string? Fingerprint);
