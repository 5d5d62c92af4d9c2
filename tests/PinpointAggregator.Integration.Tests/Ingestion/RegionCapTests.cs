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
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Seed = 71, Accounts = 1, Regions = 2, FilesPerDay = 4, RecordsPerFile = 10, MalformedFiles = 0 });
        await bucket.UploadAsync(bucket.Trail.Files);

        // Three made-up region folders that sort before every real region, each holding a copy of a real log file.
        var real = bucket.LogFiles[0];
        var realRegion = Regex.Match(real.Key, "/CloudTrail/([^/]+)/").Groups[1].Value;
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
        foreach (var region in bucket.LogFiles.Select(f => Regex.Match(f.Key, "/CloudTrail/([^/]+)/").Groups[1].Value).Distinct())
        {
            Assert.Contains(account.Prefixes, p => p.EndsWith($"/{region}/", StringComparison.Ordinal));
        }

        Assert.Equal(4, (await cluster.PrefixesAsync()).Length);
    }
}
