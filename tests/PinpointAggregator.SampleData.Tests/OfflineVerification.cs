using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.SampleData.Tests;

/// <summary>
/// Verifies a generated trail's bucket tree the way the offline <c>verify</c> does, with the trail library's
/// verifier: every digest found, chain by chain in order of end time, with the signature map's signatures and the
/// sample's public key; every log hashed by the trail reader; then the logs no digest lists, per account and region.
/// </summary>
internal static class OfflineVerification
{
    private static readonly DigestFileReader DigestReader = new();
    private static readonly TrailFileReader<Audit.Events.AuditEvent> LogReader = AuditEventReader.ForSummaries(new TrailReaderOptions { ComputeSha256 = true });

    public static List<IntegrityFinding> Verify(SampleTrail trail)
    {
        var signatures = DigestSignatureMap.Read(Path.Combine(trail.Folder, SampleTrail.SignaturesFileName));
        var key = DigestPublicKey.FromDer(GeneratedFiles.PemDer(File.ReadAllText(Path.Combine(trail.Folder, SampleTrail.PublicKeyFileName))));
        var verifier = new DigestSignatureVerifier(new DigestPublicKeySet([key]));

        var files = Directory.EnumerateFiles(Path.Combine(trail.Folder, "AWSLogs"), "*.json.gz", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(trail.Folder, f).Replace('\\', '/'))
            .Select(GeneratedFiles.Parse)
            .ToList();
        var logs = files.Where(k => k.Kind == TrailFileKind.Log).ToDictionary(k => k.Format(), k => State(Path.Combine(trail.Folder, k.Format())), StringComparer.Ordinal);
        var digests = files.Where(k => k.Kind == TrailFileKind.Digest)
            .Select(k => (Name: k, Observation: new DigestObservation(null, k.Format(), DigestReader.ReadFile(Path.Combine(trail.Folder, k.Format())), signatures.GetValueOrDefault(k.Format()))))
            .ToList();

        var findings = new List<IntegrityFinding>();
        var coveredThrough = new Dictionary<(string, string), DateTimeOffset>();
        foreach (var chain in digests.GroupBy(d => DigestChainId.Of(d.Name)))
        {
            var checker = new DigestChainVerifier(verifier, DigestChainState.Empty);
            foreach (var (_, observation) in chain.OrderBy(d => d.Observation.Read.Digest?.DigestEndTime ?? d.Name.Timestamp).ThenBy(d => d.Observation.Key, StringComparer.Ordinal))
            {
                var listed = (observation.Read.Digest?.LogFiles ?? []).Where(l => logs.ContainsKey(l.S3Object)).ToDictionary(l => l.S3Object, l => logs[l.S3Object], StringComparer.Ordinal);
                findings.AddRange(checker.Check(observation, listed));
            }

            findings.AddRange(checker.Finish());
            if (!chain.Key.Backfill && checker.State.ValidatedThrough is { } through)
            {
                coveredThrough[(chain.Key.AccountId, chain.Key.Region)] = through;
            }
        }

        foreach (var prefix in files.Where(k => k.Kind == TrailFileKind.Log).GroupBy(k => (k.AccountId, k.Region)))
        {
            var ofPrefix = digests.Where(d => (d.Name.AccountId, d.Name.Region) == prefix.Key && d.Observation.Read.Succeeded).Select(d => d.Observation.Read.Digest!).ToList();
            var gaps = findings.Where(f => f.Kind == IntegrityFindingKind.Gap && GeneratedFiles.Parse(f.DigestKey!) is var g && (g.AccountId, g.Region) == prefix.Key).ToList();
            var oldest = ofPrefix.Min(d => d.DigestStartTime);

            // Only logs the digests could have listed: from the oldest digest on, and not while logging or validation was off.
            var candidates = prefix.Where(k => k.Timestamp >= oldest && !gaps.Any(g => k.Timestamp >= g.From && k.Timestamp < g.Until)).Select(k => (k.Format(), k.Timestamp));
            var listed = ofPrefix.SelectMany(d => d.LogFiles).Select(l => l.S3Object).ToHashSet(StringComparer.Ordinal);
            findings.AddRange(UnlistedLogs.Find(candidates, listed, coveredThrough[prefix.Key], TimeSpan.FromHours(1)));
        }

        return findings;
    }

    private static LogFileState State(string path)
    {
        var read = LogReader.ReadFile(path);
        return read.UncompressedSha256 is { } sha256 ? LogFileState.Hashed(sha256) : LogFileState.Unhashable(read.Error?.ToString() ?? "unreadable");
    }
}
