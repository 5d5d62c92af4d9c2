using System.Globalization;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// Builds every <see cref="IntegrityFinding"/> the verifier gives, with its sentence of detail, in one place so
/// the wording stays consistent. Values from files (keys, hashes, reasons) are cut short: a member account
/// writes them, and a finding's detail stays a few hundred characters.
/// </summary>
internal static class Findings
{
    /// <summary>The longest value quoted in a detail sentence.</summary>
    private const int MaxQuoted = 160;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static IntegrityFinding DigestInvalid(string key, DateTimeOffset from, DateTimeOffset until, string reason) =>
        new(IntegrityFindingKind.DigestInvalid, key, null, from, until, $"The file is not a readable digest: {Quote(reason)}.");

    public static IntegrityFinding Moved(DigestObservation found, DigestFile digest) =>
        new(IntegrityFindingKind.DigestMovedOrRenamed, found.Key, null, digest.DigestStartTime, digest.DigestEndTime,
            $"The digest states it was written to '{Quote(digest.DigestS3Bucket)}/{Quote(digest.DigestS3Object)}' but was found at '{Quote(found.Bucket ?? "(local copy)")}/{Quote(found.Key)}'.");

    public static IntegrityFinding KeyUnknown(string key, DigestFile digest) =>
        new(IntegrityFindingKind.KeyUnknown, key, null, digest.DigestStartTime, digest.DigestEndTime,
            $"No trusted public key has the fingerprint {Quote(digest.DigestPublicKeyFingerprint)}: the signature cannot be checked.");

    public static IntegrityFinding SignatureInvalid(string key, DigestFile digest, DigestSignatureOutcome outcome, string source) =>
        new(IntegrityFindingKind.SignatureInvalid, key, null, digest.DigestStartTime, digest.DigestEndTime, outcome switch
        {
            DigestSignatureOutcome.UnsupportedAlgorithm => $"The signature algorithm is '{Quote(digest.DigestSignatureAlgorithm)}', not {DigestSignatureVerifier.Algorithm}.",
            DigestSignatureOutcome.MalformedSignature => $"The signature ({source}) is not a hex signature.",
            _ => $"The signature ({source}) does not verify with key {digest.DigestPublicKeyFingerprint}: the digest's content, location, end time or previous signature was changed, or another key signed it.",
        });

    public static IntegrityFinding LateSignatureInvalid(DigestLink predecessor, string successorKey, DigestSignatureOutcome outcome) =>
        new(IntegrityFindingKind.SignatureInvalid, predecessor.FoundKey, null, predecessor.Start, predecessor.End, outcome == DigestSignatureOutcome.MalformedSignature
            ? $"Its successor '{Quote(successorKey)}' gives a previousDigestSignature that is not a hex signature."
            : $"The signature its successor '{Quote(successorKey)}' gives (previousDigestSignature) does not verify with key {predecessor.Fingerprint}: the digest was changed, or another key signed it.");

    public static IntegrityFinding Unverifiable(DigestLink link) =>
        new(IntegrityFindingKind.SignatureUnverifiable, link.FoundKey, null, link.Start, link.End,
            "The digest's signature is unknown (no stored signature, and no successor named it): it was not checked.");

    public static IntegrityFinding HashBroken(string key, DigestFile digest, DigestLink predecessor) =>
        new(IntegrityFindingKind.ChainBroken, key, null, digest.DigestStartTime, digest.DigestEndTime,
            $"previousDigestHashValue is {Quote(digest.PreviousDigestHashValue!)}, but the previous digest '{Quote(predecessor.FoundKey)}' hashes to {predecessor.Sha256}.");

    public static IntegrityFinding SignatureBroken(string key, DigestFile digest, DigestLink predecessor) =>
        new(IntegrityFindingKind.ChainBroken, key, null, digest.DigestStartTime, digest.DigestEndTime,
            $"previousDigestSignature is not the verified signature of the previous digest '{Quote(predecessor.FoundKey)}'.");

    public static IntegrityFinding NamedMissing(string successorKey, DigestFile successor) =>
        new(IntegrityFindingKind.DigestMissing, successor.PreviousDigestS3Object, null, successor.DigestStartTime - Hour, successor.DigestStartTime,
            $"The digest '{Quote(successorKey)}' names this key as its predecessor, but no digest was found there.");

    public static IntegrityFinding HourMissing(DateTimeOffset from, DateTimeOffset until, string successorKey) =>
        new(IntegrityFindingKind.DigestMissing, null, null, from, until, until - from <= Hour + Hour / 2
            ? $"No digest covers this hour, and none names it: found from the hours before '{Quote(successorKey)}' (a second digest deleted in a row)."
            : $"No digest covers these {Math.Round((until - from).TotalHours).ToString(CultureInfo.InvariantCulture)} hours, and none names them: found from the hours before '{Quote(successorKey)}'.");

    public static IntegrityFinding Gap(string key, DateTimeOffset from, DateTimeOffset until) =>
        new(IntegrityFindingKind.Gap, key, null, from, until,
            "This digest starts a new chain (no previous digest) after an earlier one: validation or logging was off between them.");

    public static IntegrityFinding LogDeleted(string digestKey, DigestLogFile log) =>
        new(IntegrityFindingKind.LogDeleted, digestKey, log.S3Object, LogTime(log), LogTime(log),
            $"The digest lists this log (SHA-256 {Quote(log.HashValue)}), but it does not exist.");

    public static IntegrityFinding LogModified(string digestKey, DigestLogFile log, string actualSha256) =>
        new(IntegrityFindingKind.LogModified, digestKey, log.S3Object, LogTime(log), LogTime(log),
            $"The log's uncompressed content hashes to {actualSha256}, but the digest lists {Quote(log.HashValue)} ({Quote(log.HashAlgorithm)}).");

    public static IntegrityFinding LogUnhashable(string digestKey, DigestLogFile log, string? reason) =>
        new(IntegrityFindingKind.LogModified, digestKey, log.S3Object, LogTime(log), LogTime(log),
            $"The log exists but cannot be read to hash it ({Quote(reason ?? "no reason given")}); the digest lists {Quote(log.HashValue)}.");

    public static IntegrityFinding LogNotInAnyDigest(string logKey, DateTimeOffset nameTime, DateTimeOffset coveredThrough) =>
        new(IntegrityFindingKind.LogNotInAnyDigest, null, logKey, nameTime, nameTime,
            $"No digest lists this log, although the digests cover its prefix through {coveredThrough.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}.");

    /// <summary>A log's time: the time in its name when it is a log key, else the oldest event the digest gives for it.</summary>
    public static DateTimeOffset LogTime(DigestLogFile log) =>
        TrailKey.TryParse(log.S3Object, out var key, out _) && key.Kind == TrailFileKind.Log ? key.Timestamp : log.OldestEventTime;

    private static string Quote(string value) => value.Length <= MaxQuoted ? value : string.Concat(value.AsSpan(0, MaxQuoted), "…");
}
