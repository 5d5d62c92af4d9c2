namespace PinpointAggregator.SampleData;

/// <summary>
/// A way a trail's integrity is broken on purpose after CloudTrail delivered it, for testing the verifier: each
/// is applied once to files the generator picks, and <see cref="SampleTrail.ExpectedFindings"/> says what a
/// correct verifier reports for it (<c>docs/integrity.md</c>, "What each finding means").
/// </summary>
/// <remarks>
/// Damages are placed in the hourly digest chain of an account and region so that they cannot interact: each
/// takes a window from the digest before it to the one after it, windows never overlap, and none touches the
/// chain's first or last digest.
/// </remarks>
public enum TrailDamage
{
    /// <summary>One byte of a listed log's uncompressed content changed (a letter of a <c>userAgent</c>), re-gzipped: <c>LogModified</c>.</summary>
    LogModified,

    /// <summary>A listed log deleted: <c>LogDeleted</c>. Its events are not in the ground truth.</summary>
    LogDeleted,

    /// <summary>An extra log file (a replay of another log's records under a new name) that no digest lists: <c>LogNotInAnyDigest</c>.</summary>
    UnlistedLog,

    /// <summary>One digest deleted: its successor reports <c>DigestMissing</c> naming it, and each log it alone listed is <c>LogNotInAnyDigest</c>.</summary>
    DigestDeleted,

    /// <summary>Two consecutive digests deleted: <c>DigestMissing</c> naming the second (its successor names it), one for the first's hour with no key, and <c>LogNotInAnyDigest</c> for their logs.</summary>
    TwoDigestsDeleted,

    /// <summary>A digest moved to another key of its folder (its S3 metadata with it): <c>DigestMovedOrRenamed</c> at the new key.</summary>
    DigestMoved,

    /// <summary>A digest copied to another key of its folder, the original left: <c>DigestMovedOrRenamed</c> at the copy.</summary>
    DigestCopied,

    /// <summary>A digest's content changed (its <c>oldestEventTime</c> an hour earlier): <c>SignatureInvalid</c> for it and <c>ChainBroken</c> for its successor, whose <c>previousDigestHashValue</c> no longer matches.</summary>
    DigestContentChanged,

    /// <summary>
    /// A digest's signature (S3's <c>x-amz-meta-signature</c>, the signature map's value) changed: <c>SignatureInvalid</c>
    /// for it. Its successor is not <c>ChainBroken</c>: a stored signature that does not verify does not judge a successor.
    /// </summary>
    SignatureChanged,

    /// <summary>A digest signed by a second key that is not published (its fingerprint is that key's): <c>KeyUnknown</c>.</summary>
    SignedByUnknownKey,

    /// <summary>Logging off for one hour: no digest and no log for it, and the next digest starts a new chain (no <c>previousDigest*</c>): <c>Gap</c> (not a violation).</summary>
    ChainRestarted,
}
