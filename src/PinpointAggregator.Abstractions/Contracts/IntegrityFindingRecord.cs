namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// One integrity finding as the service keeps it: what the verifier found (<c>Trail.Integrity.IntegrityFinding</c>),
/// for which prefix, and when. Violations are kept for good, never dropped; gaps too.
/// </summary>
/// <param name="Sequence">The store's order of findings (ascending as they were found); the keyset of pages.</param>
/// <param name="Prefix">The trail prefix (<c>TrailPrefixKey.Format()</c>) whose digests or logs it is about.</param>
/// <param name="Account">The 12-digit account.</param>
/// <param name="Region">The region.</param>
/// <param name="Kind">The <c>IntegrityFindingKind</c> name (LogModified, DigestMissing, Gap, ...).</param>
/// <param name="IsViolation">False for Gap and SignatureUnverifiable.</param>
/// <param name="DigestKey">The digest concerned, when there is one.</param>
/// <param name="LogKey">The log concerned, for the log kinds.</param>
/// <param name="From">The start of the time the finding covers (UTC).</param>
/// <param name="Until">Its end (UTC).</param>
/// <param name="Detail">What was expected and found, for people.</param>
/// <param name="FoundAt">When the service found it (UTC).</param>
[GenerateSerializer, Immutable, Alias("pa.IntegrityFindingRecord")]
public sealed record IntegrityFindingRecord(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Prefix,
    [property: Id(2)] string Account,
    [property: Id(3)] string Region,
    [property: Id(4)] string Kind,
    [property: Id(5)] bool IsViolation,
    [property: Id(6)] string? DigestKey,
    [property: Id(7)] string? LogKey,
    [property: Id(8)] DateTime From,
    [property: Id(9)] DateTime Until,
    [property: Id(10)] string Detail,
    [property: Id(11)] DateTime FoundAt);
