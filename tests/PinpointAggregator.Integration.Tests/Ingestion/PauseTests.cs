using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>An operator's pause is part of the prefix's stored state: it outlives the activation that took it.</summary>
public sealed class PauseTests
{
    [Fact]
    public async Task Pause_SurvivesDeactivation_SkipsPolls_AndResumeReadsWhatWaited()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Seed = 61, Accounts = 1, Regions = 1, FilesPerDay = 12, RecordsPerFile = 20, MalformedFiles = 0 });
        var held = bucket.LogFiles.OrderBy(f => f.Key, StringComparer.Ordinal).TakeLast(3).ToList();
        await bucket.UploadAsync(bucket.Trail.Files.Except(held));
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, bucket.LogFiles.Count - held.Count)).Single();
        var grain = cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key);

        await grain.PauseAsync("bucket migration");
        await cluster.Cluster.DeactivateAsync(grain);
        await bucket.UploadAsync(held);
        await grain.PollNowAsync();

        var paused = await grain.GetStatusAsync();
        Assert.True(paused.Paused);
        Assert.Equal("bucket migration", paused.PausedReason);
        Assert.NotNull(paused.PausedAt);
        Assert.Null(paused.NextPollAt);
        Assert.Equal(bucket.LogFiles.Count - held.Count, paused.Counters.FilesRead + paused.Counters.FilesQuarantined);

        await grain.ResumeAsync();
        var resumed = (await cluster.CaughtUpAsync(1, bucket.LogFiles.Count)).Single();
        Assert.False(resumed.Paused);
        Assert.Null(resumed.PausedReason);
        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
    }
}
