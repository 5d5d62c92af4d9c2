using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Integrity.Local;
using Kind = PinpointAggregator.Trail.Integrity.IntegrityFindingKind;

namespace PinpointAggregator.Trail.Tests.Integrity;

/// <summary>Offline verification of a local copy: an undamaged one is clean, and each kind of damage on disk gives exactly its findings.</summary>
public sealed class LocalTrailVerificationTests : IDisposable
{
    private readonly TrailCopy _copy = new();

    [Fact]
    public void UndamagedCopy_WithTheSignatureMap_HasNoFinding()
    {
        var report = _copy.Verify();

        Assert.Empty(report.Findings);
        Assert.Equal((30L, 0L, 10L, 0L), (report.LogsHashed, report.LogsUnhashable, report.DigestsChecked, report.FilesIgnored));
        Assert.Equal(2, report.Chains.Count);
        Assert.All(report.Chains, c => Assert.Equal((TrailCopy.Start.AddHours(5), 5L, TrailCopy.Start), (c.ValidatedThrough!.Value, c.DigestsChecked, c.CoveredFrom!.Value)));
        Assert.Equal(0, report.Violations);
    }

    [Fact]
    public void UndamagedCopy_WithoutSignatures_OnlyTheNewestDigestOfEachChainIsUnverifiable()
    {
        var report = _copy.Verify(withSignatures: false);

        Assert.Equal(
            [(Kind.SignatureUnverifiable, _copy.DigestKey(TrailCopy.AccountA, 4)), (Kind.SignatureUnverifiable, _copy.DigestKey(TrailCopy.AccountB, 4))],
            report.Findings.Select(f => (f.Kind, f.DigestKey!)).ToArray());
        Assert.Equal((0, 2), (report.Violations, report.Unverifiable));
    }

    [Fact]
    public void DamagedCopy_GivesExactlyTheExpectedFindings()
    {
        var changed = _copy.LogKey(TrailCopy.AccountA, 1, 0);
        var bytes = Decompress(_copy.ReadBytes(changed));
        bytes[^3] ^= 0x20; // one byte of the JSON
        _copy.WriteBytes(changed, TrailJson.Gzip(bytes));
        var deleted = _copy.LogKey(TrailCopy.AccountA, 2, 1);
        _copy.Delete(deleted);
        var truncated = _copy.LogKey(TrailCopy.AccountB, 0, 2);
        _copy.WriteBytes(truncated, _copy.ReadBytes(truncated)[..^4]);
        var unlisted = _copy.WriteLog(TrailCopy.AccountB, "eu-west-1", TrailCopy.Start.AddHours(1).AddMinutes(30), "forged");
        _copy.WriteLog(TrailCopy.AccountB, "eu-west-1", TrailCopy.Start.AddHours(4).AddMinutes(30), "tooyoung"); // within the grace of the newest digest

        var report = _copy.Verify();

        Assert.Equal(
            [
                (Kind.LogModified, _copy.DigestKey(TrailCopy.AccountB, 0), truncated),
                (Kind.LogModified, _copy.DigestKey(TrailCopy.AccountA, 1), changed),
                (Kind.LogNotInAnyDigest, null, unlisted),
                (Kind.LogDeleted, _copy.DigestKey(TrailCopy.AccountA, 2), deleted),
            ],
            report.Findings.Select(f => (f.Kind, f.DigestKey, f.LogKey)).ToArray());
        Assert.Contains("TruncatedGzip", report.Findings[0].Detail, StringComparison.Ordinal);
        Assert.Equal((30L, 1L, 4), (report.LogsHashed, report.LogsUnhashable, report.Violations));
        Assert.Equal([KeyValuePair.Create(Kind.LogModified, 2), KeyValuePair.Create(Kind.LogDeleted, 1), KeyValuePair.Create(Kind.LogNotInAnyDigest, 1)], report.ViolationsByKind);
    }

    [Fact]
    public void TwoConsecutiveDigestsDeleted_AreBothReported_AndTheirLogsAreVouchedForByNone()
    {
        _copy.Delete(_copy.DigestKey(TrailCopy.AccountA, 1));
        _copy.Delete(_copy.DigestKey(TrailCopy.AccountA, 2));

        var report = _copy.Verify();

        var expected = new List<(Kind, string?, string?)> { (Kind.DigestMissing, null, null) };
        expected.AddRange(Enumerable.Range(0, 3).Select(i => (Kind.LogNotInAnyDigest, (string?)null, (string?)_copy.LogKey(TrailCopy.AccountA, 1, i))));
        expected.Add((Kind.DigestMissing, _copy.DigestKey(TrailCopy.AccountA, 2), null));
        expected.AddRange(Enumerable.Range(0, 3).Select(i => (Kind.LogNotInAnyDigest, (string?)null, (string?)_copy.LogKey(TrailCopy.AccountA, 2, i))));
        Assert.Equal(expected, report.Findings.Select(f => (f.Kind, f.DigestKey, f.LogKey)).ToList());
        Assert.Equal((TrailCopy.Start.AddHours(1), TrailCopy.Start.AddHours(2)), (report.Findings[0].From, report.Findings[0].Until));
    }

    [Fact]
    public void DigestMovedAndAnotherCopied_AreEachMovedOnce_AndTheChainIsWhole()
    {
        var moved = _copy.DigestKey(TrailCopy.AccountA, 1);
        var movedTo = System.Text.RegularExpressions.Regex.Replace(moved, "/2024/06/0[12]/", "/2024/06/09/");
        Assert.NotEqual(moved, movedTo);
        _copy.Move(moved, movedTo);
        var copied = _copy.DigestKey(TrailCopy.AccountB, 3);
        var copiedTo = copied.Replace("_org-trail_", "_org-trail2_", StringComparison.Ordinal);
        _copy.WriteBytes(copiedTo, _copy.ReadBytes(copied));

        var report = _copy.Verify(withSignatures: false);

        Assert.Equal(
            [
                (Kind.DigestMovedOrRenamed, movedTo),
                (Kind.DigestMovedOrRenamed, copiedTo),
                (Kind.SignatureUnverifiable, copiedTo),
                (Kind.SignatureUnverifiable, _copy.DigestKey(TrailCopy.AccountA, 4)),
                (Kind.SignatureUnverifiable, _copy.DigestKey(TrailCopy.AccountB, 4)),
            ],
            report.Findings.Select(f => (f.Kind, f.DigestKey!)).ToArray());
        Assert.Equal(2, report.Chains.Count); // each belongs to the chain its content names
    }

    [Fact]
    public void DigestChangedOnDisk_IsSignatureInvalid_AndBreaksTheChain()
    {
        var key = _copy.DigestKey(TrailCopy.AccountB, 2);
        var json = System.Text.Encoding.UTF8.GetString(Decompress(_copy.ReadBytes(key)));
        _copy.WriteBytes(key, TrailJson.Gzip(json.Replace("\"awsAccountId\":", "\"extra\":1,\"awsAccountId\":", StringComparison.Ordinal)));

        var report = _copy.Verify();

        Assert.Equal(
            [(Kind.SignatureInvalid, key), (Kind.ChainBroken, _copy.DigestKey(TrailCopy.AccountB, 3))],
            report.Findings.Select(f => (f.Kind, f.DigestKey!)).ToArray());
    }

    [Fact]
    public void DigestThatIsNotGzip_IsDigestInvalid_AndItsLogsAreNotInAnyDigest()
    {
        var key = _copy.DigestKey(TrailCopy.AccountA, 3);
        _copy.WriteBytes(key, "not gzip"u8.ToArray());

        var report = _copy.Verify();

        Assert.Equal(
            [(Kind.DigestInvalid, key, null), .. Enumerable.Range(0, 3).Select(i => (Kind.LogNotInAnyDigest, (string?)null, (string?)_copy.LogKey(TrailCopy.AccountA, 3, i)))],
            report.Findings.Select(f => (f.Kind, f.DigestKey, f.LogKey)).ToArray());
    }

    [Fact]
    public void LateLogInABackfillDigest_IsListed_AndTheBackfillChainIsKeptApart()
    {
        var late = _copy.WriteLog(TrailCopy.AccountA, "us-east-1", TrailCopy.Start.AddHours(2).AddMinutes(50), "late");
        var backfill = Assert.Single(_copy.WriteBackfill(key => key == late));

        var report = _copy.Verify();

        Assert.Empty(report.Findings);
        Assert.Equal(3, report.Chains.Count);
        var chain = Assert.Single(report.Chains, c => c.Chain.Backfill);
        Assert.Equal((TrailCopy.AccountA, 1L), (chain.Chain.AccountId, chain.DigestsChecked));
        Assert.EndsWith("_backfill.json.gz", backfill.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void LateLogWithoutABackfillDigest_IsNotInAnyDigest()
    {
        var late = _copy.WriteLog(TrailCopy.AccountA, "us-east-1", TrailCopy.Start.AddHours(2).AddMinutes(50), "late");

        var finding = Assert.Single(_copy.Verify().Findings);

        Assert.Equal((Kind.LogNotInAnyDigest, late), (finding.Kind, finding.LogKey));
    }

    [Fact]
    public void UntrustedKey_IsKeyUnknown_ForEveryDigest()
    {
        var report = new LocalTrailVerification(new LocalVerificationOptions { Keys = Trail.Digests.DigestPublicKeySet.Empty }).Verify(_copy.Folder);

        Assert.Equal(10, report.Findings.Count(f => f.Kind == Kind.KeyUnknown));
        Assert.Equal(10, report.Violations);
    }

    [Fact]
    public void LogsBeforeTheOldestDigest_AndFilesOutsideTheLayout_AreNotReported()
    {
        _copy.WriteLog(TrailCopy.AccountA, "us-east-1", TrailCopy.Start.AddHours(-3), "before");
        _copy.WriteLog("333333333333", "us-east-1", TrailCopy.Start.AddHours(1), "nodigests");
        _copy.WriteBytes("notes/readme.json.gz", TrailJson.Gzip("{}"));

        var report = _copy.Verify();

        Assert.Empty(report.Findings);
        Assert.Equal((32L, 1L), (report.LogsHashed, report.FilesIgnored));
    }

    [Fact]
    public void SignatureMapKeyedWithABucketPrefix_StillMatches()
    {
        var prefixed = _copy.Signatures.ToDictionary(s => "my/prefix/" + s.Key, s => s.Signature, StringComparer.Ordinal);

        var report = new LocalTrailVerification(new LocalVerificationOptions { Keys = _copy.Keys, Signatures = prefixed }).Verify(_copy.Folder);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void WrongSignatureInTheMap_IsSignatureInvalid()
    {
        var map = _copy.SignatureMap.ToDictionary();
        var key = _copy.DigestKey(TrailCopy.AccountA, 4);
        map[key] = _copy.SignatureMap[_copy.DigestKey(TrailCopy.AccountA, 3)];

        var report = new LocalTrailVerification(new LocalVerificationOptions { Keys = _copy.Keys, Signatures = map }).Verify(_copy.Folder);

        Assert.Equal([(Kind.SignatureInvalid, key)], report.Findings.Select(f => (f.Kind, f.DigestKey!)).ToArray());
    }

    [Fact]
    public void SingleThreaded_GivesTheSameReport()
    {
        _copy.Delete(_copy.LogKey(TrailCopy.AccountB, 3, 1));

        var parallel = _copy.Verify();
        var single = new LocalTrailVerification(new LocalVerificationOptions { Keys = _copy.Keys, Signatures = _copy.SignatureMap, MaxDegreeOfParallelism = 1 }).Verify(_copy.Folder);

        Assert.Equal(parallel.Findings, single.Findings);
        Assert.Single(single.Findings);
    }

    [Fact]
    public void RootThatIsNotAFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new LocalTrailVerification(new LocalVerificationOptions { Keys = _copy.Keys }).Verify(Path.Combine(_copy.Folder, "nope")));
    }

    public void Dispose() => _copy.Dispose();

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
