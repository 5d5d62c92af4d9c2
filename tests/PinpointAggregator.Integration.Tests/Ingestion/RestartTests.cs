using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// Grains deactivated, or a silo killed, in the middle of ingestion: files whose events were applied but
/// not yet recorded as done are read again, and the idempotent apply makes that change nothing.
/// </summary>
public sealed class RestartTests
{
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 51, Accounts = 2, Regions = 2, Days = 2, FilesPerDay = 24, RecordsPerFile = 20, MalformedFiles = 2, DuplicateShare = 0.03,
    };

    /// <summary>One file at a time per prefix, so the interruption lands mid-way.</summary>
    private static readonly Dictionary<string, string?> Slow = new() { ["Ingestion:FileConcurrency"] = "1" };

    [Fact]
    public async Task GrainsDeactivatedMidIngestion_NothingLostNothingCountedTwice()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: Slow);
        await cluster.StartIngestionAsync();
        await Eventually.MatchesAsync(cluster.PrefixesAsync, p => p.Length == 4 && p.Sum(s => s.Counters.FilesRead) >= 10, "ingestion is under way");

        foreach (var prefix in await cluster.PrefixesAsync())
        {
            await cluster.Cluster.DeactivateAsync(cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key));
            var key = TrailPrefixKey.Parse(prefix.Key);
            foreach (var application in prefix.Applications)
            {
                await cluster.Cluster.DeactivateAsync(cluster.Grains.GetGrain<IApplicationGrain>(new ApplicationKey(key.Account, key.Region, application).Format()));
            }
        }

        foreach (var account in bucket.Trail.AccountIds)
        {
            await cluster.Cluster.DeactivateAsync(cluster.Grains.GetGrain<IAccountGrain>(account));
        }

        await cluster.CaughtUpAsync(4, bucket.LogFiles.Count);
        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, bucket.Trail);
    }

    [Fact]
    public async Task SiloKilledMidIngestion_NothingLostNothingCountedTwice()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization with { Seed = 52 });
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, silos: 2, overrides: Slow, firstConfigurator: typeof(RandomPlacementConfigurator));
        await cluster.StartIngestionAsync();
        var atKill = await Eventually.MatchesAsync(cluster.PrefixesAsync, p => p.Length == 4 && p.Sum(s => s.Counters.FilesRead) >= 10, "ingestion is under way");
        var victim = cluster.Cluster.SecondarySilos[0];
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var onVictim = (await management.GetDetailedGrainStatistics(hostsIds: [victim.SiloAddress]))
            .Count(g => g.GrainType.Contains("Prefix", StringComparison.Ordinal) || g.GrainType.Contains("Application", StringComparison.Ordinal));

        await cluster.Cluster.KillSiloAsync(victim);
        await cluster.Cluster.StartAdditionalSiloAsync();

        // What the host does on every start: make sure discovery runs (idempotent).
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(4, bucket.LogFiles.Count);
        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, bucket.Trail);
        Assert.True(atKill.Sum(p => p.Counters.FilesRead) < bucket.LogFiles.Count, "the silo died after ingestion had finished; the test proved nothing");
        Assert.True(onVictim > 0, "no prefix or application grain lived on the killed silo; the test proved nothing");
    }
}
