using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>Transient store errors delay files but never skip them; an operator's re-read changes nothing.</summary>
public sealed class FlakyStoreTests
{
    [Fact]
    public async Task TransientGetFailures_BeyondTheRetries_AreReadOnALaterPoll()
    {
        var folder = Directory.CreateTempSubdirectory("pa-flaky-").FullName;
        try
        {
            var trail = SampleTrailGenerator.Generate(folder, new SampleTrailOptions { Seed = 61, Accounts = 1, Regions = 1, FilesPerDay = 12, MalformedFiles = 1 });
            var logFiles = trail.Files.Where(f => !f.Digest).ToList();
            var bucket = "flaky-" + Guid.NewGuid().ToString("N")[..8];

            // Two attempts per poll; three failures each: the first poll must leave these files waiting.
            foreach (var file in logFiles.Where(f => f.PinpointRecords > 0).Take(3))
            {
                FlakyStoreFactory.FailuresLeft[file.Key] = 3;
            }

            await using var cluster = await IngestionCluster.StartAsync(
                bucket,
                overrides: new Dictionary<string, string?>
                {
                    ["Ingestion:Buckets:0:LocalPath"] = folder,
                    ["Ingestion:TransientAttempts"] = "2",
                    ["Ingestion:RetryBaseDelay"] = "00:00:00.050",
                    ["Ingestion:PollInterval"] = "00:01:00",
                    ["Ingestion:MaxPollInterval"] = "00:01:00",
                },
                firstConfigurator: typeof(FlakyStoreConfigurator));
            await cluster.StartIngestionAsync();
            var waiting = await Eventually.MatchesAsync(cluster.PrefixesAsync, p => p.Length == 1 && p[0].NextPollAt is not null, "the first poll has finished");
            Assert.Equal(3, waiting[0].PendingRetries);
            Assert.False(waiting[0].CaughtUp);
            Assert.StartsWith("SlowDown", waiting[0].LastError, StringComparison.Ordinal);

            var prefix = cluster.Grains.GetGrain<ITrailPrefixGrain>(waiting[0].Key);
            await prefix.PollNowAsync();
            await prefix.PollNowAsync();
            var done = await cluster.CaughtUpAsync(1, logFiles.Count);

            SummaryAssert.MatchesGroundTruth(trail.GroundTruth, await cluster.SummaryAsync());
            Assert.Equal(logFiles.Count + (3 * 3), done[0].Counters.Requests[RequestKinds.Get]);

            // An operator re-reads the trail's days: every file is fetched again, the audit state does not move.
            var before = await cluster.SummaryAsync();
            await prefix.RereadAsync(new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 6, 3, 0, 0, 0, DateTimeKind.Utc));
            await prefix.PollNowAsync();
            var reread = await prefix.GetStatusAsync();
            Assert.Equal((2 * logFiles.Count) + (3 * 3), reread.Counters.Requests[RequestKinds.Get]);
            var after = await cluster.SummaryAsync();
            Assert.Equal(Json(before.Applications), Json(after.Applications));
            Assert.Equal(Json(before.NoApplicationId), Json(after.NoApplicationId));
            Assert.Equal(before.Totals.Events, after.Totals.Events);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task UnexpectedExceptions_InEveryGrainsListing_DoNotStopTheSchedules()
    {
        // Regression: a tick that threw anything but a store error never re-armed its one-shot timer.
        var folder = Directory.CreateTempSubdirectory("pa-crash-").FullName;
        try
        {
            var trail = SampleTrailGenerator.Generate(folder, new SampleTrailOptions { Seed = 62, Accounts = 2, Regions = 1, FilesPerDay = 6, MalformedFiles = 0 });
            FlakyStoreFactory.ListCrashesLeft = 4;
            await using var cluster = await IngestionCluster.StartAsync(
                "crashing-" + Guid.NewGuid().ToString("N")[..8],
                overrides: new Dictionary<string, string?> { ["Ingestion:Buckets:0:LocalPath"] = folder },
                firstConfigurator: typeof(FlakyStoreConfigurator));

            await cluster.StartIngestionAsync();

            await cluster.CaughtUpAsync(2, trail.Files.Count(f => !f.Digest));
            SummaryAssert.MatchesGroundTruth(trail.GroundTruth, await cluster.SummaryAsync());
            Assert.True(FlakyStoreFactory.ListCrashesLeft < 0, "the store never crashed; the test proved nothing");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PollingAPrefixThatWasNeverStarted_IsRefusedWithItsName()
    {
        await using var cluster = await IngestionCluster.StartAsync("never-" + Guid.NewGuid().ToString("N")[..8]);
        const string key = "never/AWSLogs/111122223333/CloudTrail/us-east-1/";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Grains.GetGrain<ITrailPrefixGrain>(key).PollNowAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
