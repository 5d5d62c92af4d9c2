using System.Text.RegularExpressions;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// Region folders are written by member accounts: past the cap, a made-up one is reported and not polled, and made-up
/// ones never take the places of the regions AWS publishes.
/// </summary>
public sealed class RegionCapTests
{
    [Fact]
    public async Task MadeUpRegionsPastTheCap_AreReportedAndNotPolled_AndNeverCrowdOutRealRegions()
    {
        var (bucket, real, realRegion) = await OneAccountAsync(seed: 71, regions: 2);
        using var _ = bucket;

        // Three made-up region folders that sort before every real region, each holding a copy of a real log file.
        var madeUp = new[] { "aa-hidden-1", "ab-hidden-1", "ac-hidden-1" };
        foreach (var region in madeUp)
        {
            await bucket.PutAsync(real.Key.Replace(realRegion, region, StringComparison.Ordinal), await File.ReadAllBytesAsync(bucket.PathOf(real)));
        }

        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: new Dictionary<string, string?> { ["Ingestion:MaxRegionsPerAccount"] = "2" });
        await cluster.StartIngestionAsync();
        var account = await Eventually.MatchesAsync(
            () => cluster.AccountAsync(bucket.Trail.AccountIds[0]),
            a => a.Prefixes.Count == 4 && a.RegionsIgnored.Count == 1,
            "both real regions and two made-up ones are read, and the third made-up one is reported");

        Assert.Equal(["ac-hidden-1"], account.RegionsIgnored);
        foreach (var region in bucket.LogFiles.Select(f => RegionOf(f.Key)).Distinct())
        {
            Assert.Contains(account.Prefixes, p => p.EndsWith($"/{region}/", StringComparison.Ordinal));
        }

        Assert.Equal(4, (await cluster.PrefixesAsync()).Length);
    }

    /// <summary>
    /// Regression (review finding): the region listing read every page, so a member account that made a million
    /// folders cost a thousand LISTs a round, and a cap on pages would have hidden the real regions sorted after
    /// them. Past <c>MaxRegionListPages</c> the listing stops, and the regions AWS publishes are looked up one by one.
    /// </summary>
    [Fact]
    public async Task AFloodOfMadeUpRegionFolders_StopsTheListing_AndTheRealRegionIsStillRead()
    {
        var (bucket, real, realRegion) = await OneAccountAsync(seed: 73, regions: 1);
        using var _ = bucket;

        // A full listing page (1,000 names) of made-up folders that sort before every real region.
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await bucket.PutAsync(real.Key[..real.Key.IndexOf($"/{realRegion}/", StringComparison.Ordinal)] + $"/aa-fake-{i:D4}/x", [1]));

        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: new Dictionary<string, string?>
        {
            ["Ingestion:MaxRegionsPerAccount"] = "2",
            ["Ingestion:MaxRegionListPages"] = "1",
        });
        await cluster.StartIngestionAsync();
        var account = await Eventually.MatchesAsync(
            () => cluster.AccountAsync(bucket.Trail.AccountIds[0]),
            a => a.Prefixes.Any(p => p.EndsWith($"/{realRegion}/", StringComparison.Ordinal)),
            "the real region, past the one page read, is found by its own lookup");

        Assert.Equal(3, account.Prefixes.Count); // two made-up folders within the cap, and the real region
        var prefix = await Eventually.MatchesAsync(
            async () => (await cluster.PrefixesAsync()).Single(p => p.Key.EndsWith($"/{realRegion}/", StringComparison.Ordinal)),
            p => p.Counters.FilesRead == bucket.LogFiles.Count,
            "every log file of the real region is read");
        Assert.True(prefix.CaughtUp);
    }

    /// <summary>One account's generated trail in s3rver, one of its log files, and that file's region.</summary>
    private static async Task<(SampleBucket Bucket, SampleFile Real, string RealRegion)> OneAccountAsync(int seed, int regions)
    {
        var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Seed = seed, Accounts = 1, Regions = regions, FilesPerDay = 4, RecordsPerFile = 10, MalformedFiles = 0 });
        await bucket.UploadAsync(bucket.Trail.Files);
        var real = bucket.LogFiles[0];
        return (bucket, real, RegionOf(real.Key));
    }

    private static string RegionOf(string key) => Regex.Match(key, "/CloudTrail/([^/]+)/").Groups[1].Value;
}
