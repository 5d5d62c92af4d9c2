using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using static PinpointAggregator.Integration.Tests.Integrity.DigestClusters;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>
/// The rules the prefix grain owns when it follows its digests (a real Orleans cluster reading a local folder):
/// a digest waits for the logs before it, costs one GET, the digest folder at most one LIST per poll; the chain's
/// state survives reactivation; a failing key source makes digests wait, never <c>KeyUnknown</c>; forged digests
/// cost a bounded share and never hold back the logs.
/// </summary>
public sealed class DigestFollowingTests
{
    private static readonly DateTime FirstHour = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AnUndamagedTrail_IsVerifiedThroughItsNewestDigest_WithOneGetPerDigest_AndAtMostOneDigestListingPerPoll()
    {
        using var trail = new SignedTrail("org-trail-bucket", FirstHour, hours: 6);
        var folder = TempFolder();
        trail.WriteTo(folder);
        await using var cluster = await LocalAsync(folder, trail);
        await cluster.StartIngestionAsync();

        var prefix = await VerifiedAsync(cluster, trail.Digests.Count);

        Assert.Equal((0L, 0, null), (prefix.Integrity.Violations, prefix.Integrity.FindingsByKind.Count, prefix.Integrity.LastError));
        Assert.Equal(trail.Digests[^1].End, prefix.Integrity.ValidatedThrough);
        Assert.Equal(trail.LogKeys.Count(), prefix.Counters.FilesRead);
        Assert.Equal(trail.Digests.Count, prefix.Counters.Requests[RequestKinds.DigestGet]);
        Assert.InRange(prefix.Counters.Requests[RequestKinds.DigestList], 1, prefix.Counters.Polls);
        Assert.Equal(trail.LogKeys.Count(), prefix.Counters.Requests[RequestKinds.Get]);
    }

    [Fact]
    public async Task WhileTheKeySourceFails_DigestsWaitAndStatusSaysWhy_NoKeyIsReportedUnknown_ThenTheyAreVerified()
    {
        using var trail = new SignedTrail("org-trail-bucket", FirstHour, hours: 3);
        var folder = TempFolder();
        trail.WriteTo(folder);
        await using var cluster = await LocalAsync(folder, trail);
        var keys = Keys(cluster);
        keys.Failing = true;
        await cluster.StartIngestionAsync();

        var waiting = (await Eventually.MatchesAsync(
            cluster.PrefixesAsync,
            all => all.Length == 1 && all[0].CaughtUp && all[0].Integrity.DigestsWaiting == 3 && keys.Lookups >= 3,
            "the digests wait for their key, polled a few times"))[0];

        Assert.Contains("public-key source", waiting.Integrity.LastError, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0), (waiting.Integrity.DigestsChecked, waiting.Integrity.Violations, waiting.Integrity.FindingsByKind.Count));
        Assert.Equal(trail.LogKeys.Count(), waiting.Counters.FilesRead);

        keys.Failing = false;
        var verified = await VerifiedAsync(cluster, 3);

        Assert.Equal((0L, 0, null), (verified.Integrity.Violations, verified.Integrity.FindingsByKind.Count, verified.Integrity.LastError));
        Assert.Equal(3, verified.Counters.Requests[RequestKinds.DigestGet]);
    }

    [Fact]
    public async Task TheChainsStateSurvivesReactivation_SoADigestDeletedAfterwardsIsMissing_NotANewChain()
    {
        using var trail = new SignedTrail("org-trail-bucket", FirstHour, hours: 4);
        var folder = TempFolder();
        trail.WriteTo(folder);
        await using var cluster = await LocalAsync(folder, trail);
        await cluster.StartIngestionAsync();
        var before = await VerifiedAsync(cluster, 4);
        await cluster.Cluster.DeactivateAsync(cluster.Grains.GetGrain<ITrailPrefixGrain>(before.Key));

        // Two more hours, the first of whose digests is deleted: only a chain that remembers its newest digest
        // can tell that the last one names a digest that was never there.
        trail.AddHour(FirstHour.AddHours(4));
        trail.AddHour(FirstHour.AddHours(5));
        var deleted = trail.Digests[4];
        trail.Delete(deleted.Key);
        trail.WriteTo(folder);
        var after = await VerifiedAsync(cluster, 5);

        Assert.Equal(deleted.Key, Assert.Single(after.Integrity.Recent, f => f.Kind == "DigestMissing").DigestKey);
        Assert.Equal(1L, after.Integrity.FindingsByKind["DigestMissing"]);
        Assert.Equal(5, after.Counters.Requests[RequestKinds.DigestGet]);
        Assert.Equal(trail.Digests[^1].End, after.Integrity.ValidatedThrough);
    }

    [Fact]
    public async Task AnHourWithValidationOff_IsAGap_AndItsLogsAreNotReportedAsListedByNoDigest()
    {
        using var trail = new SignedTrail("org-trail-bucket", FirstHour, hours: 2);
        var offHour = trail.AddHourWithValidationOff(FirstHour.AddHours(2));
        trail.AddHour(FirstHour.AddHours(3));
        trail.AddHour(FirstHour.AddHours(4));
        trail.AddHour(FirstHour.AddHours(5));
        var folder = TempFolder();
        trail.WriteTo(folder);
        await using var cluster = await LocalAsync(folder, trail);
        await cluster.StartIngestionAsync();

        var prefix = await VerifiedAsync(cluster, trail.Digests.Count);

        var gap = Assert.Single(prefix.Integrity.Recent);
        Assert.Equal(("Gap", false), (gap.Kind, gap.IsViolation));
        Assert.Equal((FirstHour.AddHours(2), FirstHour.AddHours(3)), (gap.From, gap.Until));
        Assert.All(offHour, log => Assert.DoesNotContain(prefix.Integrity.Recent, f => f.LogKey == log));
        Assert.Equal((0L, 1L), (prefix.Integrity.Violations, prefix.Integrity.FindingsByKind["Gap"]));
        Assert.Equal(trail.Digests[^1].End, prefix.Integrity.ValidatedThrough);
        Assert.Equal(trail.LogKeys.Count(), prefix.Counters.FilesRead);
    }

    [Fact]
    public async Task ForgedDigests_CostOneGetEach_InBoundedShares_AndNeverHoldBackTheLogsNorTheValidatedThrough()
    {
        using var trail = new SignedTrail("org-trail-bucket", FirstHour, hours: 3);
        var forged = trail.AddForgedDigests(120, FirstHour.AddHours(2));
        var folder = TempFolder();
        trail.WriteTo(folder);
        await using var cluster = await LocalAsync(folder, trail);
        await cluster.StartIngestionAsync();

        var prefix = await VerifiedAsync(cluster, 3 + forged.Count);

        Assert.Equal(trail.LogKeys.Count(), prefix.Counters.FilesRead);
        Assert.Equal(forged.Count, prefix.Integrity.FindingsByKind["DigestInvalid"]);
        Assert.Equal(forged.Count, prefix.Integrity.Violations);
        Assert.Equal(3 + forged.Count, prefix.Counters.Requests[RequestKinds.DigestGet]);
        Assert.Equal(trail.Digests[^1].End, prefix.Integrity.ValidatedThrough);
    }
}
