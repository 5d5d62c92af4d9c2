using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>One account whose role is denied never stalls the others, shows why, and recovers by itself.</summary>
public sealed class DeniedRoleTests
{
    [Fact]
    public async Task DeniedAccount_OthersFinish_ThenItCatchesUpWhenAllowed()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions
        {
            Seed = 41, Accounts = 3, Regions = 1, FilesPerDay = 8, RecordsPerFile = 20, MalformedFiles = 0,
        });
        await bucket.UploadAsync(bucket.Trail.Files);
        var denied = bucket.Trail.AccountIds[2];
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        cluster.Sts.Deny(IngestionCluster.RoleArn(denied));

        await cluster.StartIngestionAsync();
        var others = bucket.LogFiles.Count(f => !f.Key.Contains($"/{denied}/", StringComparison.Ordinal));
        await cluster.CaughtUpAsync(2, others);
        var unhealthy = await Eventually.MatchesAsync(
            () => cluster.AccountAsync(denied),
            a => a.Health.ConsecutiveFailures >= 2,
            "the denied account has retried at least once");
        Assert.Equal("AccessDenied", unhealthy.Health.LastErrorCode);
        Assert.Equal(IngestionCluster.RoleArn(denied), unhealthy.Health.RoleArn);
        Assert.Empty(unhealthy.Prefixes);

        cluster.Sts.Allow(IngestionCluster.RoleArn(denied));

        await cluster.CaughtUpAsync(3, bucket.LogFiles.Count);
        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        var recovered = await Eventually.MatchesAsync(() => cluster.AccountAsync(denied), a => a.Health.Healthy, "the account reports healthy again");
        Assert.Equal("AccessDenied", recovered.Health.LastErrorCode);
    }
}
