using System.Collections.Concurrent;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>
/// Verifies a local copy of a trail (the bucket layout under a folder, as <c>scan</c> reads it) against its
/// digests: hashes every log on all cores, reads every digest, runs each chain (<see cref="DigestChainId"/>) in
/// end-time order through a <see cref="DigestChainVerifier"/>, then looks for logs no digest lists
/// (<see cref="UnlistedLogs"/>) per account and region. Thread-safe: one instance can verify several copies.
/// </summary>
/// <remarks>
/// A local copy knows neither its bucket nor its bucket prefix: keys are compared from their <c>AWSLogs/</c>
/// segment on (<see cref="CopyKeys"/>), so a digest moved between two prefixes of one bucket is not seen here.
/// Signatures come from <see cref="LocalVerificationOptions.Signatures"/> or, failing that, from each successor's
/// <c>previousDigestSignature</c>.
/// </remarks>
public sealed class LocalTrailVerification
{
    private const string Pattern = "*.json.gz";

    private readonly LocalVerificationOptions _options;
    private readonly DigestSignatureVerifier _signatures;
    private readonly DigestFileReader _digestReader;
    private readonly Dictionary<string, string> _signatureByKey = new(StringComparer.Ordinal);

    public LocalTrailVerification(LocalVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _signatures = new DigestSignatureVerifier(options.Keys);
        _digestReader = new DigestFileReader(options.DigestReader);
        foreach (var (key, signature) in options.Signatures ?? new Dictionary<string, string>())
        {
            _signatureByKey[CopyKeys.FromAwsLogs(key)] = signature;
        }
    }

    /// <summary>Verifies the copy under <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> is not a folder.</exception>
    public IntegrityReport Verify(string root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"'{root}' is not a folder");
        }

        var inventory = Inventory(root);
        var (logStates, digestReads) = ReadAll(inventory, cancellationToken);
        var logsByKey = new Dictionary<string, LogFileState>(StringComparer.Ordinal);
        for (var i = 0; i < inventory.Logs.Count; i++)
        {
            logsByKey[inventory.Logs[i].Key] = logStates[i];
        }

        var chains = Chains(inventory.Digests, digestReads);
        var results = new ChainResult[chains.Count];
        Parallel.For(0, chains.Count, Parallelism(cancellationToken), i => results[i] = Run(chains[i].Key, chains[i].Value, logsByKey));

        var findings = results.SelectMany(r => r.Findings).ToList();
        findings.AddRange(Unlisted(inventory.Logs, results, ListedKeys(digestReads)));
        findings.Sort(FindingOrder);
        return new IntegrityReport(
            findings,
            [.. results.Select(r => r.Report).OrderBy(r => r.Chain.ToString(), StringComparer.Ordinal)],
            logStates.Count(s => s.Kind == LogFileStateKind.Hashed),
            logStates.Count(s => s.Kind == LogFileStateKind.Unhashable),
            digestReads.Length,
            inventory.Ignored,
            inventory.CompressedBytes);
    }

    /// <summary>Every log and digest key under the root (relative paths parsed as bucket keys); other files are counted.</summary>
    private static CopyInventory Inventory(string root)
    {
        var logs = new List<CopyLog>();
        var digests = new List<CopyDigest>();
        long ignored = 0, bytes = 0;
        foreach (var file in new DirectoryInfo(root).EnumerateFiles(Pattern, SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            if (!TrailKey.TryParse(relative, out var key, out _))
            {
                ignored++;
                continue;
            }

            bytes += file.Length;
            if (key.Kind == TrailFileKind.Log)
            {
                logs.Add(new CopyLog(file.FullName, CopyKeys.FromAwsLogs(relative), key));
            }
            else
            {
                digests.Add(new CopyDigest(file.FullName, relative, key));
            }
        }

        // Sorted so that a report does not depend on the order the file system lists a folder in.
        logs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        digests.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new CopyInventory(logs, digests, ignored, bytes);
    }

    /// <summary>Hashes every log and reads every digest on all cores, handing files out one at a time (their sizes differ).</summary>
    private (LogFileState[] Logs, DigestReadResult[] Digests) ReadAll(CopyInventory inventory, CancellationToken cancellationToken)
    {
        var logs = new LogFileState[inventory.Logs.Count];
        var digests = new DigestReadResult[inventory.Digests.Count];
        var work = Partitioner.Create(Enumerable.Range(0, logs.Length + digests.Length), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(work, Parallelism(cancellationToken), i =>
        {
            if (i < logs.Length)
            {
                logs[i] = LogContentHasher.HashFile(inventory.Logs[i].Path, _options.MaxLogDecompressedBytes);
            }
            else
            {
                digests[i - logs.Length] = _digestReader.ReadFile(inventory.Digests[i - logs.Length].Path);
            }
        });
        return (logs, digests);
    }

    /// <summary>The digests of each chain, in the order the chain checks them.</summary>
    private List<KeyValuePair<DigestChainId, List<ChainEntry>>> Chains(IReadOnlyList<CopyDigest> digests, DigestReadResult[] reads)
    {
        var chains = new Dictionary<DigestChainId, List<ChainEntry>>();
        for (var i = 0; i < digests.Count; i++)
        {
            var found = digests[i];
            var read = reads[i];
            var stated = read.Digest?.DigestS3Object;
            var atStatedKey = stated is not null && string.Equals(CopyKeys.FromAwsLogs(stated), CopyKeys.FromAwsLogs(found.Key), StringComparison.Ordinal);

            // At its stated key, the digest is found where it says it was written (the copy's root hides the prefix).
            var observation = new DigestObservation(null, atStatedKey ? stated! : found.Key, read, _signatureByKey.GetValueOrDefault(CopyKeys.FromAwsLogs(found.Key)));

            // A moved digest belongs to the chain its content names: there its successor looks for it.
            var chain = stated is not null && TrailKey.TryParse(stated, out var statedKey, out _) && statedKey.Kind == TrailFileKind.Digest
                ? DigestChainId.Of(statedKey)
                : DigestChainId.Of(found.Parsed);
            var end = read.Digest?.DigestEndTime ?? found.Parsed.Timestamp;
            if (!chains.TryGetValue(chain, out var entries))
            {
                chains[chain] = entries = [];
            }

            entries.Add(new ChainEntry(observation, end, atStatedKey));
        }

        // By end time; of equal ones (a digest and its copy) the one at its stated key first, so the copy is the one moved.
        foreach (var entries in chains.Values)
        {
            entries.Sort((a, b) => a.End != b.End ? a.End.CompareTo(b.End)
                : a.AtStatedKey != b.AtStatedKey ? (a.AtStatedKey ? -1 : 1)
                : string.CompareOrdinal(a.Observation.Key, b.Observation.Key));
        }

        return [.. chains];
    }

    private ChainResult Run(DigestChainId chain, List<ChainEntry> entries, Dictionary<string, LogFileState> logsByKey)
    {
        var verifier = new DigestChainVerifier(_signatures, DigestChainState.Empty);
        var findings = new List<IntegrityFinding>();
        DateTimeOffset? coveredFrom = null;
        foreach (var entry in entries)
        {
            var digest = entry.Observation.Read.Digest;
            var start = digest?.DigestStartTime ?? entry.End - TimeSpan.FromHours(1);
            coveredFrom = coveredFrom is null || start < coveredFrom ? start : coveredFrom;
            var listed = new Dictionary<string, LogFileState>(StringComparer.Ordinal);
            foreach (var log in digest?.LogFiles ?? [])
            {
                if (logsByKey.TryGetValue(CopyKeys.FromAwsLogs(log.S3Object), out var logState))
                {
                    listed[log.S3Object] = logState;
                }
            }

            findings.AddRange(verifier.Check(entry.Observation, listed));
        }

        findings.AddRange(verifier.Finish());
        var state = verifier.State;
        return new ChainResult(new ChainReport(chain, state.ValidatedThrough, state.DigestsChecked, coveredFrom), findings);
    }

    /// <summary>Every log key any readable digest lists, from its AWSLogs/ segment on.</summary>
    private static HashSet<string> ListedKeys(DigestReadResult[] reads) =>
        reads.Where(r => r.Digest is not null).SelectMany(r => r.Digest!.LogFiles).Select(l => CopyKeys.FromAwsLogs(l.S3Object)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Per account and region with digests: the logs the digests could have listed (named from the oldest digest's
    /// start on, outside gaps) that none lists, once covered through their name time plus the grace.
    /// </summary>
    private IEnumerable<IntegrityFinding> Unlisted(IReadOnlyList<CopyLog> logs, ChainResult[] chains, HashSet<string> listed)
    {
        var prefixes = chains.GroupBy(c => (c.Report.Chain.AccountId, c.Report.Chain.Region)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in logs.GroupBy(l => (l.Parsed.AccountId, l.Parsed.Region)))
        {
            if (!prefixes.TryGetValue(group.Key, out var covering)
                || covering.Max(c => c.Report.ValidatedThrough) is not { } coveredThrough
                || covering.Min(c => c.Report.CoveredFrom) is not { } coveredFrom)
            {
                continue; // no digest for this prefix: validation was not on, nothing to say
            }

            var gaps = covering.SelectMany(c => c.Findings).Where(f => f.Kind == IntegrityFindingKind.Gap).Select(f => (f.From, f.Until)).ToList();
            var candidates = group
                .Select(l => (l.Key, NameTime: l.Parsed.Timestamp))
                .Where(l => l.NameTime >= coveredFrom && !gaps.Any(g => l.NameTime >= g.From && l.NameTime < g.Until));
            foreach (var finding in UnlistedLogs.Find(candidates, listed, coveredThrough, _options.UnlistedGrace))
            {
                yield return finding;
            }
        }
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        CancellationToken = cancellationToken,
    };

    private static int FindingOrder(IntegrityFinding a, IntegrityFinding b)
    {
        var order = a.From.CompareTo(b.From);
        order = order != 0 ? order : string.CompareOrdinal(a.DigestKey, b.DigestKey);
        order = order != 0 ? order : string.CompareOrdinal(a.LogKey, b.LogKey);
        return order != 0 ? order : a.Kind.CompareTo(b.Kind);
    }

    private sealed record CopyLog(string Path, string Key, TrailKey Parsed);

    private sealed record CopyDigest(string Path, string Key, TrailKey Parsed);

    private sealed record CopyInventory(List<CopyLog> Logs, List<CopyDigest> Digests, long Ignored, long CompressedBytes);

    private sealed record ChainEntry(DigestObservation Observation, DateTimeOffset End, bool AtStatedKey);

    private sealed record ChainResult(ChainReport Report, List<IntegrityFinding> Findings);
}
