using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// A backfill longer than one poll turn's share (<c>Ingestion:BatchesPerTurn</c> × <c>FilesPerBatch</c>) goes on
/// turn after turn, so calls to the grain interleave between turns, and ends with exactly the ground truth.
/// </summary>
public sealed class TurnShareTests
{
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 61, Accounts = 1, Regions = 1, Days = 1, FilesPerDay = 24, RecordsPerFile = 10, DuplicateShare = 0.03,
    };

    [Fact]
    public async Task Backfill_LongerThanOneTurn_GoesOnTurnByTurnAndReadsEveryFileOnce()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        await bucket.UploadAsync(bucket.Trail.Files);

        // 3 files per turn; the poll interval is long, so only the turn's own re-arming at once can finish the backfill.
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: new Dictionary<string, string?>
        {
            ["Ingestion:FilesPerBatch"] = "3",
            ["Ingestion:BatchesPerTurn"] = "1",
            ["Ingestion:PollInterval"] = "01:00:00",
            ["Ingestion:MaxPollInterval"] = "01:00:00",
        });
        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, bucket.LogFiles.Count)).Single();

        // Every turn read at most 3 files: the backfill took at least files / 3 turns.
        Assert.True(bucket.LogFiles.Count >= 24, "the corpus is too small to need several turns");
        Assert.True(prefix.Counters.Polls >= bucket.LogFiles.Count / 3, $"{bucket.LogFiles.Count} files in {prefix.Counters.Polls} turns");
        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        Assert.Equal(bucket.LogFiles.Count, prefix.Counters.Requests.GetValueOrDefault(PinpointAggregator.Grains.Infrastructure.RequestKinds.Get));
    }
}
