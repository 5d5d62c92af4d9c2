using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Integration.Tests.Cluster;
using static PinpointAggregator.Integration.Tests.Cluster.HandMadeBucket;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>
/// In queue mode discovery lists only every <c>Ingestion:Notifications:DiscoveryInterval</c> (an hour by default): a new
/// region or a new account is found by its first notified file, whose prefix asks for discovery at once.
/// </summary>
public sealed class NotificationDiscoveryTests
{
    private const string NewAccount = "999988887777";
    private const string NewRegion = "eu-west-1";
    private const string AnotherRegion = "ap-south-1";
    private static readonly DateTime T = new(2024, 6, 10, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheFirstNotifiedFileOfANewRegionAndOfANewAccount_StartsTheirDiscovery_LongBeforeTheDiscoveryInterval()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        using var queue = await SqsQueueFixture.CreateAsync();
        await bucket.PutAsync(KeyAt(T, "base"), Record("base-1", T, "GetApp", "app1"));
        // The gap between hinted rounds shortened from a minute, so the test does not wait on it; the interval stays an hour.
        var settings = NotificationSettings.For([queue], new Dictionary<string, string?> { ["Ingestion:Notifications:HintedDiscoveryGap"] = "00:00:02" });
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: settings);
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(1, 1);

        // Files of a region and of an account that the first discovery round could not see.
        var stamp = T.AddMinutes(5);
        var inNewRegion = Elsewhere(KeyAt(stamp, "region"), Account, NewRegion);
        var inNewAccount = Elsewhere(KeyAt(stamp, "account"), NewAccount, Region);
        await bucket.PutAsync(inNewRegion, Elsewhere(Record("region-1", stamp, "CreateCampaign", "app2"), Account, NewRegion));
        await bucket.PutAsync(inNewAccount, Elsewhere(Record("account-1", stamp, "DeleteApp", "app3"), NewAccount, Region));
        await queue.SendAsync(NotificationBodies.CloudTrail(bucket.Name, inNewRegion, inNewAccount));

        // Within the test's deadline (90 s), not the hour the discovery interval would take.
        var prefixes = await cluster.CaughtUpAsync(3, 3);
        Assert.Contains(prefixes, p => p.Key.EndsWith($"/{Account}/CloudTrail/{NewRegion}/", StringComparison.Ordinal) && p.Counters.FilesRead == 1);
        Assert.Contains(prefixes, p => p.Key.EndsWith($"/{NewAccount}/CloudTrail/{Region}/", StringComparison.Ordinal) && p.Counters.FilesRead == 1);
        Assert.Equal([Account, NewAccount], (await cluster.Grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync()).Accounts);

        // The interval in force is the queue mode's: the next rounds are about an hour away, not the 2 s polling tests use.
        foreach (var account in new[] { Account, NewAccount })
        {
            var next = (await cluster.AccountAsync(account)).Health.NextAttemptAt;
            Assert.True(next > DateTime.UtcNow.AddMinutes(50), $"account {account}'s next discovery round is at {next:O}");
        }

        // Another region later: the account's rounds since re-armed the hourly interval, and a second hint is honoured.
        var another = Elsewhere(KeyAt(stamp.AddMinutes(5), "another"), Account, AnotherRegion);
        await bucket.PutAsync(another, Elsewhere(Record("another-1", stamp.AddMinutes(5), "GetApp", "app1"), Account, AnotherRegion));
        await queue.SendAsync(NotificationBodies.S3Event(bucket.Name, another));
        await cluster.CaughtUpAsync(4, 4);
        await NotificationIngestionTests.QueueEmptyAsync(queue);
    }

    /// <summary>A key or record of the hand-made bucket's account and region, moved to another account or region.</summary>
    private static string Elsewhere(string text, string account, string region) =>
        text.Replace(HandMadeBucket.Account, account, StringComparison.Ordinal).Replace(HandMadeBucket.Region, region, StringComparison.Ordinal);
}
