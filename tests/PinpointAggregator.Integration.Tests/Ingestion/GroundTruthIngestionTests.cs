using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// A multi-account, multi-region organization trail in s3rver, read by a real cluster through the local
/// STS: the live state equals the generator's ground truth, every file is fetched exactly once, and an
/// idle poll costs one LIST per prefix.
/// </summary>
public sealed class GroundTruthIngestionTests
{
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 21, Accounts = 3, Regions = 2, Days = 1, FilesPerDay = 12, RecordsPerFile = 30,
        DuplicateShare = 0.03, AddendumShare = 0.02, MalformedFiles = 5,
    };

    [Fact]
    public async Task Organization_IngestedOnTimers_MatchesGroundTruthWithOneGetPerFile()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);

        await cluster.StartIngestionAsync();
        var prefixes = await cluster.CaughtUpAsync(Organization.Accounts * Organization.Regions, bucket.LogFiles.Count);

        var truth = bucket.Trail.GroundTruth;
        var live = await cluster.SummaryAsync();
        SummaryAssert.MatchesGroundTruth(truth, live);
        Assert.Equal(truth.Totals.DuplicateEvents, live.Totals.DuplicateEvents);
        await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, bucket.Trail);
        Assert.True(truth.Totals.DuplicateEvents > 0 && truth.FailedFiles.Count == 5 && truth.Applications.Count >= 12, "the corpus is too small to prove anything");
        Assert.Equal(bucket.LogFiles.Count, prefixes.Sum(p => p.Counters.Requests.GetValueOrDefault(RequestKinds.Get)));
        Assert.Equal(bucket.Trail.AccountIds.Select(IngestionCluster.RoleArn).Order(), cluster.Sts.Calls.Select(c => c.RoleArn).Distinct().Order());
        Assert.All(cluster.Sts.Calls, call => Assert.Equal(("pinpoint-aggregator", true, 3600), (call.SourceIdentity, call.SessionName!.StartsWith("pinpoint-aggregator-", StringComparison.Ordinal), call.DurationSeconds)));
    }

    [Fact]
    public async Task IdlePoll_AfterCatchingUp_CostsOneListAndNoGetAndBacksOff()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization with { Accounts = 1, Regions = 1, MalformedFiles = 0 });
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, bucket.LogFiles.Count)).Single();
        var grain = cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key);

        var before = await grain.GetStatusAsync();
        await grain.PollNowAsync();
        await grain.PollNowAsync();
        var after = await grain.GetStatusAsync();

        // Timers may poll too; every idle poll, ours or theirs, must cost exactly one LIST and no GET.
        var polls = after.Counters.Polls - before.Counters.Polls;
        Assert.True(polls >= 2, $"expected at least our two polls, saw {polls}");
        Assert.Equal(polls, after.Counters.Requests[RequestKinds.List] - before.Counters.Requests[RequestKinds.List]);
        Assert.Equal(before.Counters.Requests[RequestKinds.Get], after.Counters.Requests[RequestKinds.Get]);

        // A quiet prefix doubles its interval up to the maximum (2 s in this cluster).
        Assert.Equal(TimeSpan.FromSeconds(2), after.Interval);
    }
}
