using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>Region folders are written by member accounts: past the cap, a new one is reported and not polled.</summary>
public sealed class RegionCapTests
{
    [Fact]
    public async Task RegionsPastTheCap_AreReportedAndNotPolled()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Seed = 71, Accounts = 1, Regions = 3, FilesPerDay = 4, RecordsPerFile = 10, MalformedFiles = 0 });
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: new Dictionary<string, string?> { ["Ingestion:MaxRegionsPerAccount"] = "2" });

        await cluster.StartIngestionAsync();
        var account = await Eventually.MatchesAsync(
            () => cluster.AccountAsync(bucket.Trail.AccountIds[0]),
            a => a.Prefixes.Count == 2 && a.RegionsIgnored.Count == 1,
            "two regions are read and the third is reported");

        Assert.DoesNotContain(account.Prefixes, p => p.EndsWith($"/{account.RegionsIgnored[0]}/", StringComparison.Ordinal));
        Assert.Equal(2, (await cluster.PrefixesAsync()).Length);
    }
}
