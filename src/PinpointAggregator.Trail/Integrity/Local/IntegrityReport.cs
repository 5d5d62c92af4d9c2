namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>What verifying a local copy of a trail found, with the counts a summary shows.</summary>
/// <param name="Findings">Every finding, sorted by time, then digest key, log key and kind.</param>
/// <param name="Chains">Every chain met, sorted by its name.</param>
/// <param name="LogsHashed">Log files whose content was hashed.</param>
/// <param name="LogsUnhashable">Log files that could not be hashed (corrupt or truncated gzip, the size cap, an I/O error).</param>
/// <param name="DigestsChecked">Digest files checked, readable or not.</param>
/// <param name="FilesIgnored"><c>.json.gz</c> files whose path is not a log or digest key of the bucket layout.</param>
/// <param name="CompressedBytes">Bytes read from the logs and digests.</param>
public sealed record IntegrityReport(
    IReadOnlyList<IntegrityFinding> Findings,
    IReadOnlyList<ChainReport> Chains,
    long LogsHashed,
    long LogsUnhashable,
    long DigestsChecked,
    long FilesIgnored,
    long CompressedBytes)
{
    /// <summary>How many findings are violations (every kind but gaps and unverifiable signatures).</summary>
    public int Violations => Findings.Count(f => f.IsViolation);

    public int Gaps => Findings.Count(f => f.Kind == IntegrityFindingKind.Gap);

    public int Unverifiable => Findings.Count(f => f.Kind == IntegrityFindingKind.SignatureUnverifiable);

    /// <summary>The violations per kind, only kinds that occur, in the order of <see cref="IntegrityFindingKind"/>.</summary>
    public IReadOnlyList<KeyValuePair<IntegrityFindingKind, int>> ViolationsByKind =>
        Findings.Where(f => f.IsViolation).GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList();
}
