using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>Files, accounts and regions that appear after ingestion has caught up are still read, once.</summary>
public sealed class LateAndNewTrailTests
{
    [Fact]
    public async Task LateFile_UploadedAfterNewerOnes_IsIngestedAndNothingIsFetchedTwice()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions
        {
            Seed = 31, Accounts = 1, Regions = 1, FilesPerDay = 48, RecordsPerFile = 20, MalformedFiles = 0, DuplicateShare = 0.05,
        });
        var files = bucket.LogFiles.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var newest = Stamp(files[^1]);
        var late = files.Last(f => f.PinpointRecords > 0 && Stamp(f) < newest && Stamp(f) >= newest.AddMinutes(-90));
        await bucket.UploadAsync(files.Where(f => f != late));
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, files.Count - 1)).Single();

        await bucket.UploadAsync([late]);
        await cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key).PollNowAsync();
        var after = (await cluster.CaughtUpAsync(1, files.Count)).Single();

        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        Assert.Equal(files.Count, after.Counters.Requests[RequestKinds.Get]);
        Assert.True(bucket.Trail.GroundTruth.Totals.DuplicateEvents > 0, "the trail should repeat some eventIDs across files");
    }

    [Fact]
    public async Task NewAccountAndRegion_AppearingLater_AreDiscoveredAndIngested()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions
        {
            Seed = 32, Accounts = 2, Regions = 2, FilesPerDay = 8, RecordsPerFile = 20, MalformedFiles = 0,
        });
        var first = bucket.LogFiles.Where(f => Key(f).AccountId == bucket.Trail.AccountIds[0] && Key(f).Region == bucket.Trail.Regions[0]).ToList();
        await bucket.UploadAsync(first);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(1, first.Count);

        await bucket.UploadAsync(bucket.LogFiles.Except(first));

        // Discovery runs on its own schedule (every 2 s here); no call tells the cluster to look.
        await cluster.CaughtUpAsync(4, bucket.LogFiles.Count);
        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
    }

    private static TrailKey Key(SampleFile file) =>
        TrailKey.TryParse(file.Key, out var key, out var reason) ? key : throw new InvalidOperationException(reason);

    private static DateTimeOffset Stamp(SampleFile file) => Key(file).Timestamp;
}
