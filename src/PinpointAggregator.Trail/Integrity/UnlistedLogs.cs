namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// Finds the logs no digest lists, among those whose time the digests already cover: a log named at T is
/// covered once a digest of its chain ends at or after T + grace (CloudTrail lists a log in the digest of the
/// hour it was delivered in, and its name carries the delivery minute; the grace allows for the difference).
/// </summary>
public static class UnlistedLogs
{
    /// <summary>
    /// The logs of <paramref name="existing"/> (key and name time) that are not in <paramref name="listed"/>
    /// and whose name time plus <paramref name="grace"/> is at or before <paramref name="coveredThrough"/>,
    /// each as a <see cref="IntegrityFindingKind.LogNotInAnyDigest"/> finding, in key order.
    /// </summary>
    public static IReadOnlyList<IntegrityFinding> Find(
        IEnumerable<(string Key, DateTimeOffset NameTime)> existing,
        IReadOnlySet<string> listed,
        DateTimeOffset coveredThrough,
        TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(listed);
        return existing
            .Where(log => !listed.Contains(log.Key) && log.NameTime + grace <= coveredThrough)
            .DistinctBy(log => log.Key, StringComparer.Ordinal)
            .OrderBy(log => log.Key, StringComparer.Ordinal)
            .Select(log => Findings.LogNotInAnyDigest(log.Key, log.NameTime, coveredThrough))
            .ToList();
    }
}
