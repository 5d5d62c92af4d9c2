namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// What verifying a trail's digests found. Every kind but <see cref="Gap"/> and
/// <see cref="SignatureUnverifiable"/> is a violation (<see cref="IntegrityFinding.IsViolation"/>).
/// The exact rules are in <c>docs/integrity.md</c>, "What each finding means".
/// </summary>
public enum IntegrityFindingKind
{
    /// <summary>A listed log exists, but the SHA-256 of its uncompressed content is not the digest's <c>hashValue</c> (or it can no longer be read at all).</summary>
    LogModified,

    /// <summary>A digest lists a log that does not exist.</summary>
    LogDeleted,

    /// <summary>A log exists that no digest lists, although the digests covering its time have arrived.</summary>
    LogNotInAnyDigest,

    /// <summary>A digest that the chain says was written is not there: named by its successor, or an hour of the chain with no digest at all (the second of two deleted in a row).</summary>
    DigestMissing,

    /// <summary>A digest names its predecessor, which exists, but the predecessor's hash or signature is not what the digest says.</summary>
    ChainBroken,

    /// <summary>The digest's signature does not verify (content, location, end time or previous signature changed; a malformed or absent signature; an algorithm other than SHA256withRSA).</summary>
    SignatureInvalid,

    /// <summary>The digest was found at another key (or bucket) than the one it states it was written to: moved, renamed or copied.</summary>
    DigestMovedOrRenamed,

    /// <summary>No trusted public key has the digest's fingerprint: its signature cannot be checked.</summary>
    KeyUnknown,

    /// <summary>The digest file cannot be read as a digest (corrupt gzip, bad JSON, a missing field): it was damaged or replaced.</summary>
    DigestInvalid,

    /// <summary>Not a violation: a digest starts a new chain after an earlier one ended (validation or logging was turned off for the hours between).</summary>
    Gap,

    /// <summary>Not a violation: the newest digest of a local copy has no signature to check (it comes from the next digest, or from S3 metadata).</summary>
    SignatureUnverifiable,
}
