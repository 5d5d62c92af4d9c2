using System.Text.Json;
using System.Text.Json.Nodes;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Tests.Digests;
using Kind = PinpointAggregator.Trail.Integrity.IntegrityFindingKind;

namespace PinpointAggregator.Trail.Tests.Integrity;

/// <summary>
/// The verifier's rules (docs/integrity.md, "What each finding means"), one test per finding and rule, over chains
/// of real digests signed by the test's own key.
/// </summary>
public sealed class DigestChainVerifierTests : IDisposable
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly DigestChainBuilder _chain = new();

    [Fact]
    public void UndamagedChain_GivesNoFinding_AndIsValidatedThroughItsNewestDigest()
    {
        _chain.AddMany(6);
        _chain.Add(logs: 0); // an hour with no log file still has its digest
        var verifier = _chain.NewChain();

        var findings = _chain.Verify(_chain.Observations(), verifier);

        Assert.Empty(findings);
        Assert.Equal(_chain[6].End, verifier.State.ValidatedThrough);
        Assert.Equal(7, verifier.State.DigestsChecked);
    }

    [Fact]
    public void LogChangedByOneByte_IsLogModified()
    {
        _chain.AddMany(3);
        var log = _chain[1].LogKeys[0];
        var content = _chain.LogContent[log].ToArray();
        content[10] ^= 0x01;
        _chain.Logs[log] = LogFileState.Hashed(DigestChainBuilder.Sha256(content));

        var finding = Assert.Single(_chain.Verify(_chain.Observations()));

        Assert.Equal((Kind.LogModified, _chain[1].Key, log), (finding.Kind, finding.DigestKey, finding.LogKey));
        Assert.Equal(_chain[1].Start.AddMinutes(5).AddSeconds(-31), finding.From); // the log's name time, to the minute
        Assert.Equal(finding.From, finding.Until);
        Assert.Contains(DigestChainBuilder.Sha256(content), finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void LogThatCannotBeHashed_IsLogModified_WithTheReason()
    {
        _chain.AddMany(2);
        var log = _chain[0].LogKeys[1];
        _chain.Logs[log] = LogFileState.Unhashable("TruncatedGzip: the gzip stream ends without a valid trailer");

        var finding = Assert.Single(_chain.Verify(_chain.Observations()));

        Assert.Equal((Kind.LogModified, _chain[0].Key, log), (finding.Kind, finding.DigestKey, finding.LogKey));
        Assert.Contains("TruncatedGzip", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void LogDeleted_IsLogDeleted()
    {
        _chain.AddMany(3);
        var log = _chain[2].LogKeys[1];
        _chain.Logs.Remove(log);

        var finding = Assert.Single(_chain.Verify(_chain.Observations()));

        Assert.Equal((Kind.LogDeleted, _chain[2].Key, log), (finding.Kind, finding.DigestKey, finding.LogKey));
        Assert.True(finding.IsViolation);
    }

    [Fact]
    public void OneDigestDeleted_IsDigestMissing_NamedByItsSuccessor()
    {
        _chain.AddMany(4);

        var findings = _chain.Verify(_chain.Observations().Where((_, i) => i != 2));

        var finding = Assert.Single(findings);
        Assert.Equal((Kind.DigestMissing, _chain[2].Key, (string?)null), (finding.Kind, finding.DigestKey, finding.LogKey));
        Assert.Equal((_chain[3].Start - Hour, _chain[3].Start), (finding.From, finding.Until));
    }

    [Fact]
    public void TwoConsecutiveDigestsDeleted_AreBothReported_OneNamed_OneFromTheHourlyGap()
    {
        _chain.AddMany(5);

        var findings = _chain.Verify(_chain.Observations().Where((_, i) => i is not (2 or 3)));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Kind.DigestMissing, f.Kind));
        var named = Assert.Single(findings, f => f.DigestKey is not null);
        Assert.Equal((_chain[3].Key, _chain[3].Start, _chain[3].End), (named.DigestKey, named.From, named.Until));
        var unnamed = Assert.Single(findings, f => f.DigestKey is null);
        Assert.Equal((_chain[2].Start, _chain[2].End), (unnamed.From, unnamed.Until));
    }

    [Fact]
    public void FourConsecutiveDigestsDeleted_GiveOneNamedAndThreeHours()
    {
        _chain.AddMany(7);

        var findings = _chain.Verify(_chain.Observations().Where((_, i) => i is < 2 or > 5));

        Assert.Equal(
            [(_chain[5].Key, _chain[5].Start), (null, _chain[2].Start), (null, _chain[3].Start), (null, _chain[4].Start)],
            findings.Select(f => (f.DigestKey, f.From)).ToArray());
        Assert.All(findings, f => Assert.Equal(Kind.DigestMissing, f.Kind));
    }

    [Fact]
    public void MissingHours_BeyondTheCap_EndWithOneFindingForTheRest()
    {
        _chain.Add();
        var far = _chain.Add(after: TimeSpan.FromDays(100), beforeSigning: json => json["previousDigestS3Object"] = _chain.DigestKey(DigestChainBuilder.Origin.AddDays(50)));

        var findings = _chain.Verify(_chain.Observations());

        Assert.Equal(DigestChainVerifier.MaxMissingHourFindings + 1, findings.Count); // the named one, then the hours
        Assert.All(findings, f => Assert.Equal(Kind.DigestMissing, f.Kind));
        Assert.Equal((_chain[0].End, _chain[0].End + Hour), (findings[1].From, findings[1].Until));
        Assert.Equal((_chain[0].End + ((DigestChainVerifier.MaxMissingHourFindings - 1) * Hour), far.Start - Hour), (findings[^1].From, findings[^1].Until));
    }

    [Fact]
    public void DigestEndingAfterItsOwnName_IsInvalid_AndCannotBlindTheChain()
    {
        // Regression: a digest claiming to end decades ahead became the chain's newest, every real digest after it
        // was "out of order", and validated-through jumped to the forged time. Its name is bounded by the caller's
        // clock; its content is not, so the two must agree.
        _chain.AddMany(3);
        var presentKey = _chain.DigestKey(_chain[0].End.AddMinutes(10));
        var forged = _chain.Add(after: TimeSpan.FromDays(365 * 70), beforeSigning: json => json["digestS3Object"] = presentKey);
        var observations = new List<DigestObservation>
        {
            _chain[0].Observation(), forged.Observation(foundAt: presentKey), _chain[1].Observation(), _chain[2].Observation(),
        };

        var verifier = _chain.NewChain();
        var finding = Assert.Single(_chain.Verify(observations, verifier));

        Assert.Equal((Kind.DigestInvalid, presentKey), (finding.Kind, finding.DigestKey));
        Assert.Contains("after the time in its file name", finding.Detail, StringComparison.Ordinal);
        Assert.Equal(_chain[2].End, verifier.State.ValidatedThrough);
    }

    [Fact]
    public void DigestMovedToAnotherKey_IsMoved_AndItsSuccessorFindsIt()
    {
        _chain.AddMany(4);
        var elsewhere = _chain.DigestKey(_chain[1].End + TimeSpan.FromDays(3));
        var observations = _chain.Observations().ToList();
        observations[1] = _chain[1].Observation(foundAt: elsewhere);

        var finding = Assert.Single(_chain.Verify(observations));

        Assert.Equal((Kind.DigestMovedOrRenamed, elsewhere), (finding.Kind, finding.DigestKey));
        Assert.Contains(_chain[1].Key, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestFoundInAnotherBucket_IsMoved()
    {
        _chain.AddMany(2);
        var observations = _chain.Observations().ToList();
        observations[1] = observations[1] with { Bucket = "another-bucket" };

        var finding = Assert.Single(_chain.Verify(observations));

        Assert.Equal((Kind.DigestMovedOrRenamed, _chain[1].Key), (finding.Kind, finding.DigestKey));
    }

    [Fact]
    public void DigestCopiedToASecondKey_TheCopyIsMoved_AndTheChainIsWhole()
    {
        _chain.AddMany(4);
        var copyKey = _chain.DigestKey(_chain[1].End.AddMinutes(7));
        var observations = _chain.Observations().ToList();
        observations.Insert(2, _chain[1].Observation(foundAt: copyKey));

        var verifier = _chain.NewChain();
        var finding = Assert.Single(_chain.Verify(observations, verifier));

        Assert.Equal((Kind.DigestMovedOrRenamed, copyKey), (finding.Kind, finding.DigestKey));
        Assert.Equal(_chain[3].End, verifier.State.ValidatedThrough);
    }

    [Fact]
    public void ChainBroken_WhenTheSuccessorGivesAnotherHash()
    {
        _chain.AddMany(2);
        _chain.Add(beforeSigning: json => json["previousDigestHashValue"] = new string('0', 64));

        var finding = Assert.Single(_chain.Verify(_chain.Observations()));

        Assert.Equal((Kind.ChainBroken, _chain[2].Key), (finding.Kind, finding.DigestKey));
        Assert.Contains(_chain[1].Read.UncompressedSha256!, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainBroken_WhenTheSuccessorGivesAnotherSignature()
    {
        _chain.AddMany(2);
        _chain.Add(beforeSigning: json => json["previousDigestSignature"] = string.Concat(Enumerable.Repeat("ab", 256)));

        var finding = Assert.Single(_chain.Verify(_chain.Observations()));

        Assert.Equal((Kind.ChainBroken, _chain[2].Key), (finding.Kind, finding.DigestKey));
        Assert.Contains("previousDigestSignature", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentChangedAfterSigning_IsSignatureInvalid_AndBreaksTheChain()
    {
        _chain.AddMany(3);
        var observations = _chain.Observations().ToList();
        observations[1] = _chain[1].Tampered(json => json["newestEventTime"] = DigestChainBuilder.Time(_chain[1].Start.AddMinutes(56)));

        var findings = _chain.Verify(observations);

        Assert.Equal([(Kind.SignatureInvalid, _chain[1].Key), (Kind.ChainBroken, _chain[2].Key)], findings.Select(f => (f.Kind, f.DigestKey)).ToArray());
    }

    [Fact]
    public void SignedByAnotherKeyUnderTheTrustedFingerprint_IsSignatureInvalid()
    {
        using var impostor = new SignedDigest();
        _chain.Add();
        _chain.Add(signer: impostor);

        var finding = Assert.Single(_chain.Verify(_chain.Observations().Take(2)));

        Assert.Equal((Kind.SignatureInvalid, _chain[1].Key), (finding.Kind, finding.DigestKey));
    }

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("")]
    [InlineData("abc")]
    public void MalformedStoredSignature_IsSignatureInvalid(string signature)
    {
        _chain.AddMany(2);
        var observations = _chain.Observations().ToList();
        observations[0] = observations[0] with { SignatureHex = signature };

        var finding = Assert.Single(_chain.Verify(observations));

        Assert.Equal((Kind.SignatureInvalid, _chain[0].Key), (finding.Kind, finding.DigestKey));
        Assert.Contains("not a hex signature", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void UpperCaseStoredSignature_IsTheSameSignature()
    {
        _chain.AddMany(3);

        Assert.Empty(_chain.Verify(_chain.Observations().Select(o => o with { SignatureHex = o.SignatureHex!.ToUpperInvariant() })));
    }

    [Theory]
    [InlineData("SHA1withRSA")]
    [InlineData("sha256withrsa")]
    public void AlgorithmOtherThanSha256WithRsa_IsSignatureInvalid_WithOrWithoutASignature(string algorithm)
    {
        _chain.Add(beforeSigning: json => json["digestSignatureAlgorithm"] = algorithm);
        _chain.Add();

        var signed = _chain.Verify(_chain.Observations());
        var unsigned = _chain.Verify(_chain.Observations(signed: false));

        Assert.Equal([(Kind.SignatureInvalid, _chain[0].Key)], signed.Select(f => (f.Kind, f.DigestKey)).ToArray());
        Assert.Equal(
            [(Kind.SignatureInvalid, _chain[0].Key), (Kind.SignatureUnverifiable, _chain[1].Key)],
            unsigned.Select(f => (f.Kind, f.DigestKey)).ToArray());
        Assert.Contains(algorithm, signed[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestWithoutAnAlgorithm_IsNotADigest()
    {
        _chain.AddMany(2);
        var observations = _chain.Observations().ToList();
        observations[0] = _chain[0].Tampered(json => json.Remove("digestSignatureAlgorithm"));

        var finding = Assert.Single(_chain.Verify(observations));

        Assert.Equal((Kind.DigestInvalid, _chain[0].Key), (finding.Kind, finding.DigestKey));
        Assert.Contains("digestSignatureAlgorithm", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintOfNoTrustedKey_IsKeyUnknown()
    {
        using var stranger = new SignedDigest();
        _chain.Add();
        _chain.Add(beforeSigning: json => json["digestPublicKeyFingerprint"] = stranger.Fingerprint);
        _chain.Add();

        var signed = _chain.Verify(_chain.Observations());
        var unsigned = _chain.Verify(_chain.Observations(signed: false));

        Assert.Equal([(Kind.KeyUnknown, _chain[1].Key)], signed.Select(f => (f.Kind, f.DigestKey)).ToArray());
        Assert.Contains(stranger.Fingerprint, signed[0].Detail, StringComparison.Ordinal);
        Assert.Equal(
            [(Kind.KeyUnknown, _chain[1].Key), (Kind.SignatureUnverifiable, _chain[2].Key)],
            unsigned.Select(f => (f.Kind, f.DigestKey)).ToArray());
    }

    [Fact]
    public void FileThatIsNotADigest_IsDigestInvalid_AndItsSuccessorIsNotMissingIt()
    {
        _chain.AddMany(4);
        var observations = _chain.Observations().ToList();
        var damaged = _chain[1].Gzip[..(_chain[1].Gzip.Length / 2)];
        observations[1] = observations[1] with { Read = DigestFiles.Read(damaged) };

        var finding = Assert.Single(_chain.Verify(observations));

        Assert.Equal((Kind.DigestInvalid, _chain[1].Key), (finding.Kind, finding.DigestKey));
        Assert.Equal((_chain[1].End - Hour, _chain[1].End), (finding.From, finding.Until));
        Assert.Contains("TruncatedGzip", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestInvalid_AfterADeletedOne_CountsTheHoursBeforeIt()
    {
        _chain.AddMany(4);
        var observations = _chain.Observations().ToList();
        observations[2] = observations[2] with { Read = DigestFiles.ReadJson("{\"not\":\"a digest\"}") };
        observations.RemoveAt(1);

        var findings = _chain.Verify(observations);

        Assert.Equal([(Kind.DigestInvalid, _chain[2].Key), (Kind.DigestMissing, (string?)null)], findings.Select(f => (f.Kind, f.DigestKey)).ToArray());
        Assert.Equal((_chain[1].Start, _chain[1].End), (findings[1].From, findings[1].Until));
    }

    [Fact]
    public void DigestStartingANewChainAfterAnEarlierOne_IsAGap_NotAViolation()
    {
        _chain.AddMany(2);
        _chain.Add(startsChain: true, after: TimeSpan.FromHours(5));
        _chain.Add();

        var finding = Assert.Single(_chain.Verify(_chain.Observations()));

        Assert.Equal((Kind.Gap, _chain[2].Key, _chain[1].End, _chain[2].Start), (finding.Kind, finding.DigestKey, finding.From, finding.Until));
        Assert.False(finding.IsViolation);
    }

    [Fact]
    public void FirstDigestTheChainMeets_MayNameAPredecessorFromBefore()
    {
        _chain.AddMany(4);

        Assert.Empty(_chain.Verify(_chain.Observations().Skip(2)));
    }

    [Fact]
    public void BackfillDigests_AreAChainOfTheirOwn()
    {
        using var backfill = new DigestChainBuilder(backfill: true);
        _chain.AddMany(3);
        backfill.AddMany(2, logs: 1);

        var main = DigestChainId.Of(Key(_chain[0].Key));
        var late = DigestChainId.Of(Key(backfill[0].Key));

        Assert.NotEqual(main, late);
        Assert.Equal(main with { Backfill = true }, late);
        Assert.Empty(_chain.Verify(_chain.Observations()));
        Assert.Empty(backfill.Verify(backfill.Observations()));

        static Trail.Keys.TrailKey Key(string key) => Trail.Keys.TrailKey.TryParse(key, out var parsed, out _) ? parsed : throw new InvalidOperationException(key);
    }

    [Fact]
    public void WithoutStoredSignatures_EachIsVerifiedByItsSuccessor_AndOnlyTheNewestIsUnverifiable()
    {
        _chain.AddMany(5);
        var verifier = _chain.NewChain();

        var checks = _chain.Observations(signed: false).Select(o => verifier.Check(o, _chain.Logs)).ToList();
        var finish = verifier.Finish();

        Assert.All(checks, Assert.Empty);
        var finding = Assert.Single(finish);
        Assert.Equal((Kind.SignatureUnverifiable, _chain[4].Key, _chain[4].Start, _chain[4].End), (finding.Kind, finding.DigestKey, finding.From, finding.Until));
        Assert.False(finding.IsViolation);
        Assert.Equal(_chain[3].Signature, verifier.State.Recent[0].Signature); // learnt from the successor
    }

    [Fact]
    public void WithoutStoredSignatures_APredecessorChangedAfterSigning_IsSignatureInvalid_ReportedWithItsSuccessor()
    {
        _chain.AddMany(3);
        var observations = _chain.Observations(signed: false).ToList();
        observations[0] = _chain[0].Tampered(json => json["oldestEventTime"] = DigestChainBuilder.Time(_chain[0].Start), signed: false);
        var verifier = _chain.NewChain();

        var first = verifier.Check(observations[0], _chain.Logs);
        var second = verifier.Check(observations[1], _chain.Logs);

        Assert.Empty(first);
        Assert.Equal([(Kind.ChainBroken, _chain[1].Key), (Kind.SignatureInvalid, _chain[0].Key)], second.Select(f => (f.Kind, f.DigestKey)).ToArray());
    }

    [Fact]
    public void WithoutStoredSignatures_ASuccessorGivingAnotherSignature_MakesThePredecessorSignatureInvalid()
    {
        _chain.Add();
        _chain.Add(beforeSigning: json => json["previousDigestSignature"] = string.Concat(Enumerable.Repeat("cd", 256)));

        var findings = _chain.Verify(_chain.Observations(signed: false));

        Assert.Equal([(Kind.SignatureInvalid, _chain[0].Key), (Kind.SignatureUnverifiable, _chain[1].Key)], findings.Select(f => (f.Kind, f.DigestKey)).ToArray());
    }

    [Fact]
    public void WithoutStoredSignatures_ADigestBeforeAGap_IsUnverifiable()
    {
        _chain.AddMany(2);
        _chain.Add(startsChain: true, after: Hour);

        var findings = _chain.Verify(_chain.Observations(signed: false));

        Assert.Equal(
            [(Kind.Gap, _chain[2].Key), (Kind.SignatureUnverifiable, _chain[1].Key), (Kind.SignatureUnverifiable, _chain[2].Key)],
            findings.Select(f => (f.Kind, f.DigestKey)).ToArray());
    }

    [Fact]
    public void PendingSignature_ForgottenAfterTheRecentLinks_IsUnverifiable_WhenForgotten()
    {
        _chain.Add();
        _chain.Add(startsChain: true); // digest 0 is now never named
        _chain.AddMany(DigestChainVerifier.RecentLinks);
        var observations = _chain.Observations().ToList();
        observations[0] = observations[0] with { SignatureHex = null };
        var verifier = _chain.NewChain();

        var checks = observations.Select(o => verifier.Check(o, _chain.Logs)).ToList();

        Assert.Equal(Kind.Gap, Assert.Single(checks[1]).Kind);
        Assert.All(checks.Skip(2).SkipLast(1), Assert.Empty);
        Assert.Equal([(Kind.SignatureUnverifiable, _chain[0].Key)], checks[^1].Select(f => (f.Kind, f.DigestKey)).ToArray());
        Assert.Equal(DigestChainVerifier.RecentLinks, verifier.State.Recent.Count);
        Assert.Empty(verifier.Finish());
    }

    [Fact]
    public void StateRoundTrip_ResumingFromStateGivesTheFindingsOfOneRun()
    {
        _chain.AddMany(3);
        _chain.Add(beforeSigning: json => json["previousDigestHashValue"] = new string('f', 64));
        _chain.AddMany(3);
        _chain.Logs.Remove(_chain[5].LogKeys[0]);
        var observations = _chain.Observations(signed: false).Where((_, i) => i != 4).ToList();

        var oneRun = _chain.Verify(observations);

        var resumed = new List<IntegrityFinding>();
        var state = DigestChainState.Empty;
        foreach (var observation in observations)
        {
            var verifier = new DigestChainVerifier(_chain.Verifier, state);
            resumed.AddRange(verifier.Check(observation, _chain.Logs));
            state = JsonSerializer.Deserialize<DigestChainState>(JsonSerializer.Serialize(verifier.State))!;
        }

        resumed.AddRange(new DigestChainVerifier(_chain.Verifier, state).Finish());
        // Digest 3 is unverifiable too: without stored signatures only a successor that names it can verify it.
        Assert.Equal(
            [(Kind.ChainBroken, _chain[3].Key), (Kind.DigestMissing, _chain[4].Key), (Kind.LogDeleted, _chain[5].Key), (Kind.SignatureUnverifiable, _chain[3].Key), (Kind.SignatureUnverifiable, _chain[6].Key)],
            oneRun.Select(f => (f.Kind, f.DigestKey)).ToArray());
        Assert.Equal(oneRun, resumed);
        Assert.Equal(observations.Count, state.DigestsChecked);
    }

    [Fact]
    public void DigestOlderThanTheNewest_IsCheckedOnItsOwn_AndMovesNothing()
    {
        _chain.AddMany(4);
        var verifier = _chain.NewChain();
        foreach (var observation in _chain.Observations().Where((_, i) => i != 1))
        {
            verifier.Check(observation, _chain.Logs);
        }

        _chain.Logs.Remove(_chain[1].LogKeys[0]);
        var late = verifier.Check(_chain[1].Observation(signed: false), _chain.Logs);

        Assert.Equal(
            [(Kind.SignatureUnverifiable, _chain[1].Key, (string?)null), (Kind.LogDeleted, _chain[1].Key, _chain[1].LogKeys[0])],
            late.Select(f => (f.Kind, f.DigestKey, f.LogKey)).ToArray());
        Assert.Equal(_chain[3].End, verifier.State.ValidatedThrough);
    }

    [Fact]
    public void ListedLogStates_AreComparedWithoutRegardToHexCase()
    {
        _chain.AddMany(1);
        var log = _chain[0].LogKeys[0];
        _chain.Logs[log] = LogFileState.Hashed(_chain.Logs[log].Sha256!.ToUpperInvariant());

        Assert.Empty(_chain.Verify(_chain.Observations()));
    }

    [Fact]
    public void LogListedTwice_IsReportedOnce()
    {
        _chain.Add(beforeSigning: json => json["logFiles"]!.AsArray().Add(json["logFiles"]![0]!.DeepClone()));
        _chain.Logs.Remove(_chain[0].LogKeys[0]);

        Assert.Equal(Kind.LogDeleted, Assert.Single(_chain.Verify(_chain.Observations())).Kind);
    }

    [Fact]
    public void ResumedStateWithMoreThanTheRecentLinks_KeepsTheNewest()
    {
        var link = new DigestLink("a", "a", DigestChainBuilder.Origin, DigestChainBuilder.Origin + Hour, "00", null, null, null);
        var state = new DigestChainState(link, Enumerable.Repeat(link, DigestChainVerifier.RecentLinks + 5).ToList(), link.End, 60);

        Assert.Equal(DigestChainVerifier.RecentLinks, new DigestChainVerifier(_chain.Verifier, state).State.Recent.Count);
    }

    public void Dispose() => _chain.Dispose();
}
