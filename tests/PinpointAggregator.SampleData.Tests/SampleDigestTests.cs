using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.SampleData.Tests;

/// <summary>The generator's digests, checked with the trail library's reader and signature verifier.</summary>
public sealed class SampleDigestTests
{
    private static readonly SampleTrailOptions Small = new() { Accounts = 2, Regions = 2, FilesPerDay = 8, RecordsPerFile = 20, LateFileShare = 0.2 };
    private static readonly DateTimeOffset TrailStart = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Digests_AreReadable_StateWhereTheyAre_AndVerifyWithThePublishedKey()
    {
        using var folder = new TempFolder();
        var files = new GeneratedFiles(SampleTrailGenerator.Generate(folder.Path, Small with { Bucket = "audit-bucket" }));

        Assert.Equal(files.Trail.PublicKeyFingerprint, files.PublicKey.Fingerprint);
        Assert.Equal(Path.Combine(folder.Path, SampleTrail.PublicKeyFileName), files.Trail.PublicKeyFile);
        Assert.Equal(files.Digests.Select(d => d.Key).Order(StringComparer.Ordinal), files.Signatures.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(files.Signatures.OrderBy(s => s.Key, StringComparer.Ordinal), files.Trail.DigestSignatures.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.All(files.Digests, d =>
        {
            Assert.True(d.Read.Succeeded, $"{d.Key}: {d.Read.Error}");
            Assert.Equal((d.Key, "audit-bucket", files.PublicKey.Fingerprint, "SHA256withRSA"), (d.File.DigestS3Object, d.File.DigestS3Bucket, d.File.DigestPublicKeyFingerprint, d.File.DigestSignatureAlgorithm));
            Assert.Equal((d.File.DigestEndTime, DateOnly.FromDateTime(d.File.DigestEndTime.UtcDateTime)), (d.Name.Timestamp, d.Name.Day));
            Assert.Equal(d.File.AwsAccountId, d.Name.AccountId);
            Assert.Equal(DigestSignatureOutcome.Valid, files.Verifier.Verify(d.File, d.Sha256, files.Signatures[d.Key]));
        });
    }

    [Fact]
    public void EachAccountAndRegion_HasOneChain_OfContiguousHours_LinkedByHashAndSignature_CoveringEveryDelivery()
    {
        using var folder = new TempFolder();
        var files = new GeneratedFiles(SampleTrailGenerator.Generate(folder.Path, Small));

        var chains = files.Chains;
        Assert.Equal(Small.Accounts * Small.Regions, chains.Count);
        Assert.All(chains.Values, chain => AssertLinked(files, chain));
        foreach (var (id, chain) in chains)
        {
            var logs = files.Logs.Select(l => GeneratedFiles.Parse(l.Key)).Where(k => k.AccountId == id.AccountId && k.Region == id.Region).ToList();
            Assert.True(chain[0].File.DigestStartTime <= TrailStart, $"{id} starts at {chain[0].File.DigestStartTime}");
            Assert.True(chain[^1].File.DigestEndTime > logs.Max(l => l.Timestamp), $"{id} ends before its last log");
            Assert.Equal(("org-trail", "us-east-1", false), (id.TrailName, id.HomeRegion, id.Backfill));
        }

        // Hours without a log have a digest too, with no event times.
        Assert.Contains(files.Digests, d => d.File.LogFiles.Count == 0 && d.File.NewestEventTime is null && d.File.OldestEventTime is null);
        Assert.Contains(files.Digests, d => d.File.LogFiles.Count > 0);
    }

    [Fact]
    public void EveryLog_IsListedExactlyOnce_ByTheDigestOfItsHour_WithTheHashAndTimesOfItsContent()
    {
        using var folder = new TempFolder();
        var files = new GeneratedFiles(SampleTrailGenerator.Generate(folder.Path, Small with { MalformedFiles = 0 }));

        var listings = files.Listings.ToList();
        Assert.Equal(files.Logs.Select(l => l.Key).Order(StringComparer.Ordinal), listings.Select(l => l.Log.S3Object).Order(StringComparer.Ordinal));
        Assert.All(listings, listing =>
        {
            var (digest, log) = listing;
            var nameTime = GeneratedFiles.Parse(log.S3Object).Timestamp;
            var times = files.EventTimes(log.S3Object);
            Assert.Equal((files.Sha256(log.S3Object), "SHA-256", Small.Bucket), (log.HashValue, log.HashAlgorithm, log.S3Bucket));
            Assert.Equal((times.Max(), times.Min()), (log.NewestEventTime, log.OldestEventTime));

            // Listed in the hour it was delivered in; its name has the delivery minute.
            Assert.InRange(nameTime, digest.File.DigestStartTime.AddMinutes(-1).AddTicks(1), digest.File.DigestEndTime.AddTicks(-1));
        });
        Assert.All(files.Digests.Where(d => d.File.LogFiles.Count > 0), d =>
            Assert.Equal((d.File.LogFiles.Max(l => l.NewestEventTime), d.File.LogFiles.Min(l => l.OldestEventTime)), (d.File.NewestEventTime, d.File.OldestEventTime)));
    }

    [Fact]
    public void BackfillDigests_ListTheLateLogs_InASignedChainOfTheirOwn()
    {
        using var folder = new TempFolder();
        var files = new GeneratedFiles(SampleTrailGenerator.Generate(folder.Path, Small with { BackfillDigests = true }));

        var backfill = files.Chains.Where(c => c.Key.Backfill).ToList();
        Assert.NotEmpty(backfill);
        Assert.All(backfill.SelectMany(c => c.Value), d => Assert.EndsWith("_backfill.json.gz", d.Key, StringComparison.Ordinal));
        Assert.All(backfill, c => AssertLinked(files, c.Value));
        Assert.All(files.Digests, d => Assert.Equal(DigestSignatureOutcome.Valid, files.Verifier.Verify(d.File, d.Sha256, files.Signatures[d.Key])));

        var late = files.Logs.Where(l => l.Late).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(late);
        Assert.Equal(files.Logs.Select(l => l.Key).Order(StringComparer.Ordinal), files.Listings.Select(l => l.Log.S3Object).Order(StringComparer.Ordinal));
        Assert.All(files.Listings, l => Assert.Equal(late.Contains(l.Log.S3Object), l.Digest.Name.IsBackfill));
        Assert.Equal(Small.Accounts * Small.Regions, files.Chains.Count(c => !c.Key.Backfill));
    }

    [Fact]
    public void UndamagedTrail_ExpectsOnlyItsMalformedLogs_AsModified()
    {
        using var folder = new TempFolder();
        var files = new GeneratedFiles(SampleTrailGenerator.Generate(folder.Path, Small));

        var malformed = files.Logs.Where(l => l.Malformed is not null).ToList();
        Assert.Equal(Small.MalformedFiles, malformed.Count);
        var expected = malformed.Select(l => new ExpectedFinding(IntegrityFindingKind.LogModified, files.Listings.Single(x => x.Log.S3Object == l.Key).Digest.Key, l.Key));
        Assert.Equal(expected.Order(ExpectedFinding.Order), files.Trail.ExpectedFindings);
        Assert.Equal(files.Trail.ExpectedFindings, ManifestJson.ReadExpectedFindings(folder.Path));

        using var clean = new TempFolder();
        Assert.Empty(SampleTrailGenerator.Generate(clean.Path, Small with { MalformedFiles = 0 }).ExpectedFindings);
    }

    [Fact]
    public void WithoutDigests_NoDigestKeyOrSignatureIsWritten()
    {
        using var folder = new TempFolder();

        var trail = SampleTrailGenerator.Generate(folder.Path, Small with { IncludeDigests = false });

        Assert.DoesNotContain(trail.Files, f => f.Digest);
        Assert.Equal((null, null), (trail.PublicKeyFile, trail.PublicKeyFingerprint));
        Assert.Empty(trail.DigestSignatures);
        Assert.False(File.Exists(Path.Combine(folder.Path, SampleTrail.PublicKeyFileName)));
        Assert.False(File.Exists(Path.Combine(folder.Path, SampleTrail.SignaturesFileName)));
    }

    /// <summary>
    /// A chain as CloudTrail writes it: the first digest starts it, each next one starts where the previous
    /// ended, an hour long, and names the previous one's key, bucket, content hash and signature.
    /// </summary>
    internal static void AssertLinked(GeneratedFiles files, IReadOnlyList<ReadDigest> chain)
    {
        Assert.True(chain[0].File.StartsChain, $"{chain[0].Key} names a predecessor");
        for (var i = 1; i < chain.Count; i++)
        {
            var (previous, digest) = (chain[i - 1], chain[i].File);
            Assert.Equal(previous.File.DigestEndTime, digest.DigestStartTime);
            Assert.Equal(TimeSpan.FromHours(1), digest.DigestEndTime - digest.DigestStartTime);
            Assert.Equal(
                (previous.Key, previous.File.DigestS3Bucket, previous.Sha256, "SHA-256", files.Signatures[previous.Key]),
                (digest.PreviousDigestS3Object, digest.PreviousDigestS3Bucket, digest.PreviousDigestHashValue, digest.PreviousDigestHashAlgorithm, digest.PreviousDigestSignature));
        }
    }
}
