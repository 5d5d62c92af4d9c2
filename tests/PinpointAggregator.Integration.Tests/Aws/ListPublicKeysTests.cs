using PinpointAggregator.Aws.CloudTrail;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Trail.Digests;
using static PinpointAggregator.Integration.Tests.Aws.KeySourceHarness;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// Digest public keys through the production <see cref="CloudTrailDigestKeySource"/> and <see cref="ListPublicKeysClient"/>:
/// files first, then CloudTrail's <c>ListPublicKeys</c> against a local endpoint that checks the SigV4 signature of
/// every request, with the account role's session from the local STS.
/// </summary>
public sealed class ListPublicKeysTests : IDisposable
{
    private static readonly DateTimeOffset ValidFrom = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ValidTo = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly KeySourceHarness _harness = new();

    private DateTimeOffset DigestEnd => _harness.Time.GetUtcNow().AddHours(-2);

    [Fact]
    public async Task ListedKey_IsFoundByFingerprint_WithOneSignedRequest_AndNeverFetchedAgain()
    {
        var der = NewKey();
        _harness.CloudTrail.Add(NewKey(), ValidFrom, ValidTo);
        _harness.CloudTrail.Add(der, ValidFrom, ValidTo);
        var source = _harness.Source();

        var key = await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(der).ToUpperInvariant(), DigestEnd, CancellationToken.None);

        Assert.Equal(der, key!.Der.ToArray());
        var call = Assert.Single(_harness.CloudTrail.Calls);
        Assert.True(call.SignatureValid);
        Assert.Equal((LocalCloudTrail.Target, "application/x-amz-json-1.1", LocalSts.AccessKey, "session-1"), (call.Target, call.ContentType, call.AccessKey, call.SecurityToken));
        Assert.Matches(@"^\d{8}/eu-west-1/cloudtrail/aws4_request$", call.Scope);
        Assert.Equal("content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target", call.SignedHeaders);

        // The window: from a day before the digest's end to now; no token on the first page.
        Assert.Equal((DigestEnd.AddDays(-1).ToUnixTimeSeconds(), _harness.Time.GetUtcNow().ToUnixTimeSeconds(), (string?)null), (call.StartTime, call.EndTime, call.NextToken));
        Assert.Equal(ReaderArn, Assert.Single(_harness.Sts.Calls).RoleArn);

        // Keys are global: another account, region and day find it without a request; so does the other listed key.
        _harness.Time.Advance(TimeSpan.FromDays(30));
        Assert.Same(key, await source.FindAsync("444455556666", "ap-southeast-2", LocalCloudTrail.Md5Hex(der), DigestEnd, CancellationToken.None));
        Assert.Single(_harness.CloudTrail.Calls);
        Assert.Equal(1, _harness.CountedRequests);
    }

    [Fact]
    public async Task Paging_FollowsNextToken_AndKeepsTheKeysOfEveryPage()
    {
        _harness.CloudTrail.PageSize = 2;
        var keys = Enumerable.Range(0, 5).Select(_ => NewKey()).ToArray();
        foreach (var der in keys)
        {
            _harness.CloudTrail.Add(der, ValidFrom, ValidTo);
        }

        var source = _harness.Source();

        Assert.Equal(keys[4], (await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(keys[4]), DigestEnd, CancellationToken.None))!.Der.ToArray());
        Assert.Equal(["", "page-1", "page-2"], _harness.CloudTrail.Calls.Select(c => c.NextToken ?? ""));
        Assert.All(_harness.CloudTrail.Calls, c => Assert.True(c.SignatureValid));

        Assert.Equal(keys[0], (await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(keys[0]), DigestEnd, CancellationToken.None))!.Der.ToArray());
        Assert.Equal(3, _harness.CloudTrail.Calls.Count);
        Assert.Equal(3, _harness.CountedRequests);
    }

    [Fact]
    public async Task KeyWhoseStatedFingerprintIsNotItsMd5_IsRefused()
    {
        var named = NewKey();
        var impostor = NewKey();

        // The impostor's bytes are listed under the name of a key CloudTrail never listed.
        _harness.CloudTrail.Add(impostor, ValidFrom, ValidTo, statedFingerprint: LocalCloudTrail.Md5Hex(named));
        var source = _harness.Source();

        Assert.Null(await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(named), DigestEnd, CancellationToken.None));
        Assert.Null(await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(impostor), DigestEnd, CancellationToken.None));
        Assert.Single(_harness.CloudTrail.Calls);
    }

    [Fact]
    public async Task UnknownFingerprint_IsRememberedForUnknownKeyRetry_ThenAskedAgain()
    {
        var der = NewKey();
        var fingerprint = LocalCloudTrail.Md5Hex(der);
        var source = _harness.Source();

        Assert.Null(await source.FindAsync(Account, Region, fingerprint, DigestEnd, CancellationToken.None));
        _harness.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Null(await source.FindAsync(Account, Region, fingerprint, DigestEnd, CancellationToken.None));
        Assert.Equal((1, 1), (_harness.CloudTrail.Calls.Count, _harness.CountedRequests));

        // An hour after the first answer (Integrity:UnknownKeyRetry), CloudTrail is asked again; now it has the key.
        _harness.CloudTrail.Add(der, ValidFrom, ValidTo);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(der, (await source.FindAsync(Account, Region, fingerprint, DigestEnd, CancellationToken.None))!.Der.ToArray());
        Assert.Equal((2, 2), (_harness.CloudTrail.Calls.Count, _harness.CountedRequests));
    }

    [Fact]
    public async Task ForgedFingerprintsAndTimes_CostAtMostTwoListingsPerRegionAndMinute()
    {
        var source = _harness.Source();
        for (var year = 0; year < 5; year++)
        {
            var forged = LocalCloudTrail.Md5Hex(NewKey());
            Assert.Null(await source.FindAsync(Account, Region, forged, DigestEnd.AddYears(-year), CancellationToken.None));
        }

        // The second listing, asked for an earlier time within the minute, covers every time since digests began.
        Assert.Equal(
            [DigestEnd.AddDays(-1).ToUnixTimeSeconds(), CloudTrailDigestKeySource.EarliestKeyTime.ToUnixTimeSeconds()],
            _harness.CloudTrail.Calls.Select(c => c.StartTime!.Value));
    }

    [Fact]
    public async Task Throttled_ThrowsKeySourceException_IsNotAskedAgainDuringTheBackOff_ThenSucceeds()
    {
        var der = NewKey();
        _harness.CloudTrail.Add(der, ValidFrom, ValidTo);
        _harness.CloudTrail.Throttle(1);
        var source = _harness.Source();

        var throttled = await Assert.ThrowsAsync<DigestKeySourceException>(() => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(der), DigestEnd, CancellationToken.None));
        Assert.Equal(
            $"ListPublicKeys in {Region} with {ReaderArn} was throttled (ThrottlingException, HTTP 400); the digest's key is looked up again later.",
            throttled.Message);

        var backingOff = await Assert.ThrowsAsync<DigestKeySourceException>(() => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(der), DigestEnd, CancellationToken.None));
        Assert.StartsWith(throttled.Message, backingOff.Message, StringComparison.Ordinal);
        Assert.Single(_harness.CloudTrail.Calls);

        _harness.Time.Advance(CloudTrailDigestKeySource.FailureBackoff);
        Assert.Equal(der, (await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(der), DigestEnd, CancellationToken.None))!.Der.ToArray());
        Assert.Equal(2, _harness.CountedRequests);
        Assert.Equal(["ThrottlingException"], _harness.CountedFailures);
    }

    [Fact]
    public async Task AccessDenied_ThrowsKeySourceException_NamingTheRoleAndPermission_WithoutAnyCredential()
    {
        _harness.CloudTrail.Deny("AccessDeniedException");
        var source = _harness.Source();

        var denied = await Assert.ThrowsAsync<DigestKeySourceException>(() => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        Assert.Equal(
            $"ListPublicKeys in {Region} with {ReaderArn} was denied (AccessDeniedException, HTTP 400): the role needs cloudtrail:ListPublicKeys, "
            + "or turn Integrity:ListPublicKeys off and list the keys in Integrity:PublicKeyFiles; the digest's key is looked up again later.",
            denied.Message);
        AssertNoCredentialIn(denied);
    }

    [Fact]
    public async Task SignatureRefused_ItsMessageQuotingTheToken_IsNotPassedOn()
    {
        _harness.CloudTrail.RejectSignatures();
        var source = _harness.Source();

        var refused = await Assert.ThrowsAsync<DigestKeySourceException>(() => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        Assert.Contains("was denied (InvalidSignatureException, HTTP 403)", refused.Message, StringComparison.Ordinal);
        AssertNoCredentialIn(refused);
    }

    [Fact]
    public async Task TheAccountsAssumedRoleSession_SignsEveryRequest_RenewedWhenDue()
    {
        var source = _harness.Source();
        Assert.Null(await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        // The 1-hour session is renewed 5 minutes before it ends; the next listing is signed with the new one.
        _harness.Time.Advance(TimeSpan.FromMinutes(56));
        Assert.Null(await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        Assert.Equal(["session-1", "session-2"], _harness.CloudTrail.Calls.Select(c => c.SecurityToken));
        Assert.All(_harness.CloudTrail.Calls, c => Assert.True(c.SignatureValid));
        Assert.Equal([ReaderArn, ReaderArn], _harness.Sts.Calls.Select(c => c.RoleArn));
    }

    [Fact]
    public async Task WithoutARole_TheAmbientCredentialsSign()
    {
        var source = _harness.Source(withRole: false);

        Assert.Null(await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        var call = Assert.Single(_harness.CloudTrail.Calls);
        Assert.Equal((true, LocalSts.AccessKey, (string?)null), (call.SignatureValid, call.AccessKey, call.SecurityToken));
        Assert.Empty(_harness.Sts.Calls);
    }

    [Fact]
    public async Task KeysFromFiles_AreFoundWithoutAnyRequest()
    {
        var fromFile = NewKey();
        var listedOnly = NewKey();
        _harness.CloudTrail.Add(listedOnly, ValidFrom, ValidTo);
        var filesOnly = _harness.Source(files: [fromFile], listPublicKeys: false);
        var filesFirst = _harness.Source(files: [fromFile]);

        Assert.Equal(fromFile, (await filesOnly.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(fromFile), DigestEnd, CancellationToken.None))!.Der.ToArray());
        Assert.Null(await filesOnly.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(listedOnly), DigestEnd, CancellationToken.None));
        Assert.Equal(fromFile, (await filesFirst.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(fromFile), DigestEnd, CancellationToken.None))!.Der.ToArray());

        Assert.Empty(_harness.CloudTrail.Calls);
        Assert.Empty(_harness.Sts.Calls);
        Assert.Equal(0, _harness.CountedRequests);
        Assert.False(filesOnly.ListsPublicKeys);
    }

    [Fact]
    public async Task ConcurrentLookupsInOneRegion_ShareOneListing()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => NewKey()).ToArray();
        foreach (var der in keys)
        {
            _harness.CloudTrail.Add(der, ValidFrom, ValidTo);
        }

        var source = _harness.Source();
        _harness.CloudTrail.HoldAnswers();
        var lookups = keys.Select(der => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(der), DigestEnd, CancellationToken.None))
            .Append(source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None))
            .ToArray();
        await Eventually.MatchesAsync(() => Task.FromResult(_harness.CloudTrail.Calls.Count), count => count > 0, "the listing reached CloudTrail");
        _harness.CloudTrail.ReleaseAnswers();

        var found = await Task.WhenAll(lookups);

        Assert.Equal(keys.Select(Convert.ToHexString).Append(null), found.Select(k => k is null ? null : Convert.ToHexString(k.Der.Span)));
        Assert.Single(_harness.CloudTrail.Calls);
    }

    [Fact]
    public async Task ACallerThatStopsWaiting_DoesNotStopTheSharedListing()
    {
        var der = NewKey();
        _harness.CloudTrail.Add(der, ValidFrom, ValidTo);
        var source = _harness.Source();
        _harness.CloudTrail.HoldAnswers();
        using var cancel = new CancellationTokenSource();
        var impatient = source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(der), DigestEnd, cancel.Token);
        await Eventually.MatchesAsync(() => Task.FromResult(_harness.CloudTrail.Calls.Count), count => count > 0, "the listing reached CloudTrail");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        _harness.CloudTrail.ReleaseAnswers();

        Assert.Equal(der, (await source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(der), DigestEnd, CancellationToken.None))!.Der.ToArray());
        Assert.Single(_harness.CloudTrail.Calls);
    }

    [Fact]
    public async Task Unreachable_ThrowsKeySourceException()
    {
        _harness.CloudTrail.Stop();
        var source = _harness.Source();

        var unreachable = await Assert.ThrowsAsync<DigestKeySourceException>(() => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        Assert.StartsWith($"ListPublicKeys in {Region} with {ReaderArn} failed: 127.0.0.1 could not be reached (", unreachable.Message, StringComparison.Ordinal);
        Assert.Equal(["HttpRequestException"], _harness.CountedFailures);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>", "the answer is not valid JSON")]
    [InlineData("""{"PublicKeyList":[],"PublicKeyList":[]}""", "the field 'PublicKeyList' appears twice")]
    [InlineData("""{"PublicKeyList":{}}""", "PublicKeyList is not an array")]
    public async Task AnswerThatIsNotCloudTrails_ThrowsKeySourceException(string answer, string reason)
    {
        _harness.CloudTrail.AnswerRaw(answer);
        var source = _harness.Source();

        var invalid = await Assert.ThrowsAsync<DigestKeySourceException>(() => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        Assert.Contains($"failed: the answer is not a ListPublicKeys answer: {reason}", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(["InvalidResponse"], _harness.CountedFailures);
    }

    [Fact]
    public async Task RepeatedNextToken_ThrowsKeySourceException_InsteadOfLooping()
    {
        _harness.CloudTrail.AnswerRaw("""{"PublicKeyList":[],"NextToken":"again"}""");
        var source = _harness.Source();

        var looping = await Assert.ThrowsAsync<DigestKeySourceException>(() => source.FindAsync(Account, Region, LocalCloudTrail.Md5Hex(NewKey()), DigestEnd, CancellationToken.None));

        Assert.Contains("failed: CloudTrail repeated a NextToken", looping.Message, StringComparison.Ordinal);
        Assert.Equal(2, _harness.CloudTrail.Calls.Count);
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>Neither the access key and secret (both <c>S3RVER</c> here) nor any session token, in the message or beneath it.</summary>
    private static void AssertNoCredentialIn(Exception exception)
    {
        var text = exception.ToString();
        Assert.DoesNotContain(LocalSts.AccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("session-", text, StringComparison.Ordinal);
    }
}
