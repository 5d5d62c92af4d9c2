namespace PinpointAggregator.Trail.Integrity;

/// <summary>One finding of integrity verification: a violation (kept and reported, never dropped) or a gap.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="DigestKey">The digest concerned: where it was found, or (for <see cref="IntegrityFindingKind.DigestMissing"/>) the key its successor names; null for a missing hour whose key nobody names, and for <see cref="IntegrityFindingKind.LogNotInAnyDigest"/>.</param>
/// <param name="LogKey">The log concerned, for the log kinds; otherwise null.</param>
/// <param name="From">The start of the time the finding covers (a digest's start, a gap's or missing hours' start, a log's name time).</param>
/// <param name="Until">The end of that time; equal to <paramref name="From"/> for a log.</param>
/// <param name="Detail">A sentence for people: what was expected and what was found (hashes, keys), never more than a few hundred characters.</param>
public sealed record IntegrityFinding(
    IntegrityFindingKind Kind,
    string? DigestKey,
    string? LogKey,
    DateTimeOffset From,
    DateTimeOffset Until,
    string Detail)
{
    /// <summary>True for every kind but <see cref="IntegrityFindingKind.Gap"/> and <see cref="IntegrityFindingKind.SignatureUnverifiable"/>.</summary>
    public bool IsViolation => Kind is not (IntegrityFindingKind.Gap or IntegrityFindingKind.SignatureUnverifiable);
}
