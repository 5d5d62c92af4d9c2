using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>Accounts excluded by configuration are never tracked, never assumed, never read.</summary>
public sealed class ExclusionTests
{
    [Fact]
    public async Task ExcludedAccount_IsNeitherAssumedNorRead()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Seed = 71, Accounts = 2, Regions = 1, FilesPerDay = 4, MalformedFiles = 0 });
        await bucket.UploadAsync(bucket.Trail.Files);
        var (kept, excluded) = (bucket.Trail.AccountIds[0], bucket.Trail.AccountIds[1]);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: new Dictionary<string, string?> { ["Ingestion:ExcludedAccounts:0"] = excluded });

        await cluster.StartIngestionAsync();
        var prefixes = await cluster.CaughtUpAsync(1, bucket.LogFiles.Count(f => f.Key.Contains($"/{kept}/", StringComparison.Ordinal)));

        Assert.Contains($"/{kept}/", prefixes.Single().Key, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Sts.Calls, c => c.RoleArn == IngestionCluster.RoleArn(excluded));
        Assert.All((await cluster.SummaryAsync()).Applications.Values, a => Assert.Equal(kept, a.Account));
    }
}
