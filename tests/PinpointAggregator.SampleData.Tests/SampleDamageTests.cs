using System.Text.Json.Nodes;
using PinpointAggregator.Audit.Local;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.SampleData.Digests;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Local;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.SampleData.Tests;

/// <summary>
/// Each damage changes exactly what it says, compared file by file with the same trail undamaged, and expects
/// exactly the findings <c>docs/integrity.md</c> gives for it.
/// </summary>
public sealed class SampleDamageTests
{
    private static readonly SampleTrailOptions Plain = new() { Seed = 5, Accounts = 2, Regions = 2, FilesPerDay = 8, RecordsPerFile = 20, MalformedFiles = 0 };

    [Fact]
    public void LogModified_ChangesOneByteOfOneListedLog()
    {
        using var run = Damaged(TrailDamage.LogModified);

        var log = Assert.Single(run.Changed);
        Assert.Empty(run.Added);
        Assert.Empty(run.Removed);
        var (before, after) = (run.Before.Uncompressed(log), run.After.Uncompressed(log));
        Assert.Equal(before.Length, after.Length);
        Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        Assert.Equal(TrailDamage.LogModified, run.After.Trail.Files.Single(f => f.Key == log).Damage);
        Assert.Equal(run.Before.Signatures, run.After.Signatures);
        Assert.Equal([new(IntegrityFindingKind.LogModified, ListerOf(run.Before, log), log)], run.After.Trail.ExpectedFindings);
        Assert.Equal(Json(run.Before.Trail.GroundTruth), Json(run.After.Trail.GroundTruth));
    }

    [Fact]
    public void LogDeleted_RemovesOneListedLog_AndItsEventsFromTheTruth()
    {
        using var run = Damaged(TrailDamage.LogDeleted);

        var log = Assert.Single(run.Removed);
        Assert.Empty(run.Added);
        Assert.Empty(run.Changed);
        Assert.False(GeneratedFiles.Parse(log).Kind == Trail.Keys.TrailFileKind.Digest);
        Assert.Equal([new(IntegrityFindingKind.LogDeleted, ListerOf(run.Before, log), log)], run.After.Trail.ExpectedFindings);
        Assert.Equal(run.Before.Trail.GroundTruth.Totals.Files - 1, run.After.Trail.GroundTruth.Totals.Files);
        Assert.Equal(run.Before.Trail.GroundTruth.Totals.Records - run.Before.Trail.Files.Single(f => f.Key == log).Records, run.After.Trail.GroundTruth.Totals.Records);
    }

    [Fact]
    public void UnlistedLog_AddsAReplayedLog_ThatNoDigestLists()
    {
        using var run = Damaged(TrailDamage.UnlistedLog);

        var log = Assert.Single(run.Added);
        Assert.Empty(run.Removed);
        Assert.Empty(run.Changed);
        Assert.Equal(Trail.Keys.TrailFileKind.Log, GeneratedFiles.Parse(log).Kind);
        Assert.Contains(run.Before.Logs, l => run.Before.Uncompressed(l.Key).AsSpan().SequenceEqual(run.After.Uncompressed(log)));
        Assert.DoesNotContain(run.After.Listings, l => l.Log.S3Object == log);
        Assert.Equal(TrailDamage.UnlistedLog, run.After.Trail.Files.Single(f => f.Key == log).Damage);
        Assert.Equal([new(IntegrityFindingKind.LogNotInAnyDigest, null, log)], run.After.Trail.ExpectedFindings);

        // A replay: every event was delivered before, so the applications' summary is the same.
        Assert.Equal(Json(run.Before.Trail.GroundTruth.Applications), Json(run.After.Trail.GroundTruth.Applications));
    }

    [Fact]
    public void DigestDeleted_IsNamedMissingByItsSuccessor_AndItsLogsAreInNoDigest()
    {
        using var run = Damaged(TrailDamage.DigestDeleted);

        var digest = Assert.Single(run.Removed);
        Assert.Empty(run.Added);
        Assert.Empty(run.Changed);
        var logs = run.Before.Digest(digest).File.LogFiles.Select(l => l.S3Object).ToList();
        Assert.NotEmpty(logs);
        Assert.Contains(run.After.Digests, d => d.File.PreviousDigestS3Object == digest);
        Assert.Equal(
            Sorted([new(IntegrityFindingKind.DigestMissing, digest, null), .. logs.Select(l => new ExpectedFinding(IntegrityFindingKind.LogNotInAnyDigest, null, l))]),
            run.After.Trail.ExpectedFindings);
        Assert.Equal(run.Before.Signatures.Where(s => s.Key != digest).ToDictionary(), run.After.Signatures);
    }

    [Fact]
    public void TwoDigestsDeleted_TheSecondIsNamed_TheFirstIsAnUnnamedHour_AndTheirLogsAreInNoDigest()
    {
        using var run = Damaged(TrailDamage.TwoDigestsDeleted);

        Assert.Equal(2, run.Removed.Count);
        Assert.Empty(run.Added);
        Assert.Empty(run.Changed);
        var (first, second) = (run.Before.Digest(run.Removed[0]), run.Before.Digest(run.Removed[1]));
        Assert.Equal(first.Key, second.File.PreviousDigestS3Object);
        Assert.Contains(run.After.Digests, d => d.File.PreviousDigestS3Object == second.Key);
        var logs = first.File.LogFiles.Concat(second.File.LogFiles).Select(l => l.S3Object).ToList();
        Assert.NotEmpty(logs);
        Assert.Equal(
            Sorted([new(IntegrityFindingKind.DigestMissing, second.Key, null), new(IntegrityFindingKind.DigestMissing, null, null), .. logs.Select(l => new ExpectedFinding(IntegrityFindingKind.LogNotInAnyDigest, null, l))]),
            run.After.Trail.ExpectedFindings);
    }

    [Fact]
    public void DigestMoved_IsUnderAnotherKeyOfItsFolder_ByteForByte_WithItsSignature()
    {
        using var run = Damaged(TrailDamage.DigestMoved);

        var (from, to) = (Assert.Single(run.Removed), Assert.Single(run.Added));
        Assert.Empty(run.Changed);
        Assert.Equal(run.Before.Snapshot()[from], run.After.Snapshot()[to]);
        Assert.Equal(DigestChainId.Of(GeneratedFiles.Parse(from)), DigestChainId.Of(GeneratedFiles.Parse(to)));
        Assert.Equal(Path.GetDirectoryName(from), Path.GetDirectoryName(to));
        Assert.Equal(run.Before.Signatures[from], run.After.Signatures[to]);
        Assert.False(run.After.Signatures.ContainsKey(from));
        Assert.Equal(TrailDamage.DigestMoved, run.After.Trail.Files.Single(f => f.Key == to).Damage);
        Assert.Equal([new(IntegrityFindingKind.DigestMovedOrRenamed, to, null)], run.After.Trail.ExpectedFindings);
    }

    [Fact]
    public void DigestCopied_IsAlsoUnderAnotherKeyOfItsFolder_ByteForByte_WithItsSignature()
    {
        using var run = Damaged(TrailDamage.DigestCopied);

        var copy = Assert.Single(run.Added);
        Assert.Empty(run.Removed);
        Assert.Empty(run.Changed);
        var original = run.Before.Digests.Single(d => run.Before.Snapshot()[d.Key].AsSpan().SequenceEqual(run.After.Snapshot()[copy]));
        Assert.Equal(DigestChainId.Of(original.Name), DigestChainId.Of(GeneratedFiles.Parse(copy)));
        Assert.Equal(run.After.Signatures[original.Key], run.After.Signatures[copy]);
        Assert.Equal([new(IntegrityFindingKind.DigestMovedOrRenamed, copy, null)], run.After.Trail.ExpectedFindings);
    }

    [Fact]
    public void DigestContentChanged_FailsItsSignature_AndBreaksItsSuccessorsLink()
    {
        using var run = Damaged(TrailDamage.DigestContentChanged);

        var key = Assert.Single(run.Changed);
        Assert.Empty(run.Added);
        Assert.Empty(run.Removed);
        var (before, after) = (JsonNode.Parse(run.Before.Uncompressed(key))!, JsonNode.Parse(run.After.Uncompressed(key))!);
        var oldest = DateTimeOffset.Parse(before["oldestEventTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        before["oldestEventTime"] = DigestDocument.Time(oldest.AddHours(-1));
        Assert.True(JsonNode.DeepEquals(before, after), "only oldestEventTime changed");
        Assert.Equal(run.Before.Signatures, run.After.Signatures);
        var changed = run.After.Digest(key);
        var successor = run.After.Digests.Single(d => d.File.PreviousDigestS3Object == key);
        Assert.Equal(DigestSignatureOutcome.Invalid, run.After.Verifier.Verify(changed.File, changed.Sha256, run.After.Signatures[key]));
        Assert.NotEqual(changed.Sha256, successor.File.PreviousDigestHashValue);
        Assert.Equal(Sorted([new(IntegrityFindingKind.SignatureInvalid, key, null), new(IntegrityFindingKind.ChainBroken, successor.Key, null)]), run.After.Trail.ExpectedFindings);
    }

    [Fact]
    public void SignatureChanged_ChangesOnlyTheSignatureMap_FailingIt_WhichThenJudgesNoSuccessor()
    {
        using var run = Damaged(TrailDamage.SignatureChanged);

        Assert.Empty(run.Added.Concat(run.Removed).Concat(run.Changed));
        var key = Assert.Single(run.After.Signatures, s => run.Before.Signatures[s.Key] != s.Value).Key;
        var digest = run.After.Digest(key);
        var successor = run.After.Digests.Single(d => d.File.PreviousDigestS3Object == key);
        Assert.Equal(DigestSignatureOutcome.Invalid, run.After.Verifier.Verify(digest.File, digest.Sha256, run.After.Signatures[key]));
        Assert.NotEqual(run.After.Signatures[key], successor.File.PreviousDigestSignature);
        Assert.Equal([new(IntegrityFindingKind.SignatureInvalid, key, null)], run.After.Trail.ExpectedFindings);
    }

    [Fact]
    public void SignedByUnknownKey_IsSignedByAKeyNotPublished_AndTheChainStillLinks()
    {
        using var run = Damaged(TrailDamage.SignedByUnknownKey);

        Assert.Empty(run.Added.Concat(run.Removed));
        var forged = run.After.Digests.Single(d => d.File.DigestPublicKeyFingerprint != run.After.PublicKey.Fingerprint);
        var forger = DigestPublicKey.FromDer(SampleSigningKey.For(1).PublicKeyDer);
        Assert.Equal(forger.Fingerprint, forged.File.DigestPublicKeyFingerprint);
        Assert.Equal(DigestSignatureOutcome.UnknownKey, run.After.Verifier.Verify(forged.File, forged.Sha256, run.After.Signatures[forged.Key]));
        Assert.Equal(DigestSignatureOutcome.Valid, new DigestSignatureVerifier(new([forger])).Verify(forged.File, forged.Sha256, run.After.Signatures[forged.Key]));

        // The chain is whole: only it changed, from the forged digest on (each names its predecessor's signature).
        var chain = run.After.Chains[DigestChainId.Of(forged.Name)];
        SampleDigestTests.AssertLinked(run.After, chain);
        Assert.Equal(chain.SkipWhile(d => d.Key != forged.Key).Select(d => d.Key), run.Changed.Order(StringComparer.Ordinal));
        Assert.Equal([new(IntegrityFindingKind.KeyUnknown, forged.Key, null)], run.After.Trail.ExpectedFindings);
    }

    [Fact]
    public void ChainRestarted_DropsOneHoursDigest_AndTheNextStartsANewChain()
    {
        using var run = Damaged(TrailDamage.ChainRestarted);

        // The planner prefers an hour without a log: logging off then loses no event.
        var dropped = Assert.Single(run.Removed);
        Assert.Empty(run.Added);
        Assert.Empty(run.Before.Digest(dropped).File.LogFiles);
        var restart = run.After.Digests.Single(d => d.File.StartsChain && d.File.DigestStartTime == run.Before.Digest(dropped).File.DigestEndTime);
        Assert.Equal(TrailDamage.ChainRestarted, run.After.Trail.Files.Single(f => f.Key == restart.Key).Damage);
        var chain = run.After.Chains[DigestChainId.Of(restart.Name)];
        var at = chain.ToList().IndexOf(chain.Single(d => d.Key == restart.Key));
        SampleDigestTests.AssertLinked(run.After, chain.Take(at).ToList());
        SampleDigestTests.AssertLinked(run.After, chain.Skip(at).ToList());
        Assert.Equal(chain[at - 1].File.DigestEndTime.AddHours(1), restart.File.DigestStartTime);
        Assert.Equal([new(IntegrityFindingKind.Gap, restart.Key, null)], run.After.Trail.ExpectedFindings);
        Assert.Equal(Json(run.Before.Trail.GroundTruth), Json(run.After.Trail.GroundTruth));
    }

    [Fact]
    public void EveryDamageAtOnce_WithBackfillAndMalformedLogs_ExpectsEveryViolationKind_AndScanStillMatchesTheTruth()
    {
        using var folder = new TempFolder();
        var options = Plain with { MalformedFiles = 5, BackfillDigests = true, LateFileShare = 0.2, Damage = Enum.GetValues<TrailDamage>() };

        var trail = SampleTrailGenerator.Generate(folder.Path, options);

        Assert.Equal(
            Enum.GetValues<IntegrityFindingKind>().Except([IntegrityFindingKind.DigestInvalid, IntegrityFindingKind.SignatureUnverifiable]),
            trail.ExpectedFindings.Select(f => f.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<TrailDamage>().Except([TrailDamage.LogDeleted, TrailDamage.DigestDeleted, TrailDamage.TwoDigestsDeleted]), trail.Files.Where(f => f.Damage is not null).Select(f => f.Damage!.Value).Order());
        Assert.Equal(trail.ExpectedFindings, ManifestJson.ReadExpectedFindings(folder.Path));
        Assert.Equal(trail.Files, ManifestJson.Read(folder.Path));

        var files = LocalTrailFiles.Find([folder.Path]);
        Assert.Equal(trail.Files.Where(f => !f.Digest).Select(f => Path.Combine(folder.Path, f.Key)).Order(StringComparer.Ordinal), files);
        var summary = new LocalTrailScanner(AuditEventReader.ForSummaries(new TrailReaderOptions()), 1).Scan(files);
        Assert.Equal(Json(trail.GroundTruth.Applications), Json(summary.Applications));
        Assert.Equal(Json(trail.GroundTruth.NoApplicationId), Json(summary.NoApplicationId));
        Assert.Equal(
            (trail.GroundTruth.Totals.Files, trail.GroundTruth.Totals.FilesFailed, trail.GroundTruth.Totals.Records, trail.GroundTruth.Totals.Events, trail.GroundTruth.Totals.DuplicateEvents),
            (summary.Totals.Files, summary.Totals.FilesFailed, summary.Totals.Records, summary.Totals.Events, summary.Totals.DuplicateEvents));
    }

    [Fact]
    public void Damage_ThatDoesNotFit_OrWithoutDigests_IsRefused()
    {
        using var folder = new TempFolder();

        var tooSmall = Assert.Throws<ArgumentException>(() => SampleTrailGenerator.Generate(folder.Path, Plain with { Accounts = 1, Regions = 1, Damage = [.. Enum.GetValues<TrailDamage>(), .. Enum.GetValues<TrailDamage>()] }));
        var noDigests = Assert.Throws<ArgumentException>(() => SampleTrailGenerator.Generate(folder.Path, Plain with { IncludeDigests = false, Damage = [TrailDamage.LogDeleted] }));

        Assert.Contains("too small for the damage", tooSmall.Message, StringComparison.Ordinal);
        Assert.Contains("needs digests", noDigests.Message, StringComparison.Ordinal);
    }

    /// <summary>The digest that lists <paramref name="log"/>.</summary>
    private static string ListerOf(GeneratedFiles files, string log) => files.Listings.Single(l => l.Log.S3Object == log).Digest.Key;

    private static List<ExpectedFinding> Sorted(IEnumerable<ExpectedFinding> findings) => [.. findings.Order(ExpectedFinding.Order)];

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static DamageRun Damaged(TrailDamage damage) => new(Plain, Plain with { Damage = [damage] });

    /// <summary>The same trail generated undamaged and damaged, and what differs between the two bucket trees.</summary>
    private sealed class DamageRun : IDisposable
    {
        private readonly TempFolder _before = new();
        private readonly TempFolder _after = new();

        public DamageRun(SampleTrailOptions plain, SampleTrailOptions damaged)
        {
            Before = new GeneratedFiles(SampleTrailGenerator.Generate(_before.Path, plain));
            After = new GeneratedFiles(SampleTrailGenerator.Generate(_after.Path, damaged));
            var (before, after) = (Before.Snapshot(), After.Snapshot());
            Added = [.. after.Keys.Except(before.Keys).Order(StringComparer.Ordinal)];
            Removed = [.. before.Keys.Except(after.Keys).Order(StringComparer.Ordinal)];
            Changed = [.. before.Keys.Intersect(after.Keys).Where(k => !before[k].AsSpan().SequenceEqual(after[k])).Order(StringComparer.Ordinal)];
        }

        public GeneratedFiles Before { get; }

        public GeneratedFiles After { get; }

        public List<string> Added { get; }

        public List<string> Removed { get; }

        public List<string> Changed { get; }

        public void Dispose()
        {
            _before.Dispose();
            _after.Dispose();
        }
    }
}
