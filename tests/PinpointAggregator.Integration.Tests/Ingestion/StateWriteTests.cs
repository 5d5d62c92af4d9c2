using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// How grains write their state: an idle poll writes nothing, and an activation whose write meets a conflict
/// (another activation wrote first) stops and comes back from the stored state instead of going on stale.
/// </summary>
public sealed class StateWriteTests
{
    private static readonly SampleTrailOptions Trail = new()
    {
        Seed = 41, Accounts = 2, Regions = 2, Days = 1, FilesPerDay = 12, RecordsPerFile = 20, DuplicateShare = 0.03, AddendumShare = 0.02, MalformedFiles = 2,
    };

    [Fact]
    public async Task IdlePolls_WriteNothingToGrainStorage()
    {
        using var bucket = await SampleBucket.CreateAsync(Trail with { Accounts = 1, Regions = 1 });
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, bucket.LogFiles.Count)).Single();
        var grain = cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key);

        // Polls do not interleave: this one waits for any poll a timer started, which may still write.
        await grain.PollNowAsync();
        var before = cluster.Storage.Writes("prefix", prefix.Key);
        var polls = (await grain.GetStatusAsync()).Counters.Polls;
        for (var i = 0; i < 3; i++)
        {
            await grain.PollNowAsync();
        }

        Assert.True((await grain.GetStatusAsync()).Counters.Polls >= polls + 3);
        Assert.Equal(before, cluster.Storage.Writes("prefix", prefix.Key));
    }

    [Fact]
    public async Task DiscoveryRoundsThatFindNothingNew_WriteNothingToGrainStorage()
    {
        using var bucket = await SampleBucket.CreateAsync(Trail with { Accounts = 1, Regions = 1 });
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(1, bucket.LogFiles.Count);
        var account = bucket.Trail.AccountIds.Single();
        var organization = cluster.Grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey);
        var accountGrain = cluster.Grains.GetGrain<IAccountGrain>(account);

        // Rounds do not interleave: these wait for any round a timer started, which may still write.
        await organization.DiscoverNowAsync();
        await accountGrain.DiscoverNowAsync();
        var (organizationWrites, accountWrites) = (cluster.Storage.Writes("organization", IOrganizationGrain.DefaultKey), cluster.Storage.Writes("account", account));
        Assert.True(organizationWrites > 0 && accountWrites > 0, "the probe sees these grains' writes");
        var lastDiscovery = (await organization.GetStatusAsync()).LastDiscoveryAt;
        for (var i = 0; i < 3; i++)
        {
            await organization.DiscoverNowAsync();
            await accountGrain.DiscoverNowAsync();
        }

        Assert.True((await organization.GetStatusAsync()).LastDiscoveryAt > lastDiscovery, "the rounds ran");
        Assert.Equal(organizationWrites, cluster.Storage.Writes("organization", IOrganizationGrain.DefaultKey));
        Assert.Equal(accountWrites, cluster.Storage.Writes("account", account));
    }

    [Fact]
    public async Task AWriteConflict_DeactivatesTheStaleActivation_AndIngestionStillMatchesGroundTruth()
    {
        using var bucket = await SampleBucket.CreateAsync(Trail);
        await bucket.UploadAsync(bucket.Trail.Files);
        var settings = new Dictionary<string, string?> { [StorageProbe.ConflictSetting] = "prefix,account,organization" };
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: settings);
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(Trail.Accounts * Trail.Regions, bucket.LogFiles.Count);

        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, bucket.Trail);
        foreach (var state in new[] { "prefix", "account", "organization" })
        {
            var grain = cluster.Storage.Conflicted(state);
            Assert.True(grain is not null, $"no {state} write met the injected conflict");

            // Read once per activation: the stale activation went away and a new one read the stored state.
            await Eventually.MatchesAsync(() => Task.FromResult(cluster.Storage.Reads(state, grain)), reads => reads >= 2, $"the {state} grain {grain} activated again");
        }
    }
}
