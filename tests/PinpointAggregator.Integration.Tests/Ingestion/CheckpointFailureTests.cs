using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// A prefix that reads a new file but cannot save its checkpoint (grain storage away) reports failed polls
/// instead of "caught up, no error", and recovers by itself when storage returns. Regression: the checkpoint
/// written at the end of a poll failed outside the poll's error handling, so a prefix looked healthy through a
/// whole database outage (found by DatabaseOutageTests on real processes; this is its quick in-process form).
/// An idle poll writes nothing, so a prefix with nothing new stays truthfully caught up.
/// </summary>
public sealed class CheckpointFailureTests
{
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 91, Accounts = 1, Regions = 1, Days = 1, FilesPerDay = 6, RecordsPerFile = 20, MalformedFiles = 0,
    };

    [Fact]
    public async Task Prefix_WhoseCheckpointFailsAfterANewFile_ReportsTheFailure_AndRecovers()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        var newest = bucket.LogFiles.MaxBy(f => f.Key, StringComparer.Ordinal)!;
        await bucket.UploadAsync(bucket.Trail.Files.Where(f => f != newest));
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        var serviceId = cluster.Cluster.Options.ServiceId;
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(1, bucket.LogFiles.Count - 1);

        ProcessWideGrainStorage.FailWrites(serviceId);
        try
        {
            await bucket.UploadAsync([newest]);
            var failing = await Eventually.MatchesAsync(cluster.PrefixesAsync, all => all.Single() is { CaughtUp: false, ConsecutiveFailures: > 0, LastError: not null }, "the prefix reports its failing checkpoint");
            Assert.Contains("unavailable", failing.Single().LastError, StringComparison.Ordinal);
        }
        finally
        {
            ProcessWideGrainStorage.AcceptWrites(serviceId);
        }

        var recovered = await Eventually.MatchesAsync(cluster.PrefixesAsync, all => all.Single() is { CaughtUp: true, ConsecutiveFailures: 0, LastError: null }, "the prefix is healthy again");
        Assert.Equal(bucket.LogFiles.Count, recovered.Single().Counters.FilesRead);
        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
    }
}
