using System.Text.Json;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// Regression (issue 8, object size): a trail object over <c>Ingestion:MaxObjectBytes</c> was downloaded on
/// every poll. Now its listed size sets it aside without a GET, and the prefix reads the rest.
/// </summary>
public sealed class ObjectSizeTests
{
    /// <summary>Small, so the test's object is quick to upload; every generated file is far below it.</summary>
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task ObjectOverTheLimit_IsQuarantinedFromItsListedSize_WithoutAGet_AndThePrefixMovesOn()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Seed = 81, Accounts = 1, Regions = 1, FilesPerDay = 6, MalformedFiles = 0 });
        await bucket.UploadAsync(bucket.Trail.Files);
        Assert.All(bucket.LogFiles, f => Assert.True(bucket.SizeOf(f) < Limit, $"{f.Key} is {bucket.SizeOf(f)} bytes; the test needs small files"));

        // A sibling of a real file (same prefix, same minute) that is 100 KiB of noise: were it downloaded,
        // it would be quarantined as corrupt gzip after one GET instead.
        var large = TooLargeSiblingOf(bucket.LogFiles.OrderBy(f => f.Key, StringComparer.Ordinal).Last());
        await bucket.PutAsync(large, RandomBytes(100 * 1024));
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: new Dictionary<string, string?> { ["Ingestion:MaxObjectBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, bucket.LogFiles.Count + 1)).Single();

        var quarantined = Assert.Single(prefix.Quarantined);
        Assert.Equal((large, "ObjectTooLarge"), (quarantined.Key, quarantined.Kind));
        Assert.Contains("102400 bytes", quarantined.Reason, StringComparison.Ordinal);
        Assert.Contains("65536 bytes", quarantined.Reason, StringComparison.Ordinal);
        Assert.Equal(bucket.LogFiles.Count, prefix.Counters.Requests[RequestKinds.Get]);

        // Everything else was read: the audit state is the ground truth's, and the one failed file is ours.
        var (truth, live) = (bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        Assert.Equal(JsonSerializer.Serialize(truth.Applications), JsonSerializer.Serialize(live.Applications));
        Assert.Equal((truth.Totals.Records, truth.Totals.Events), (live.Totals.Records, live.Totals.Events));
        Assert.Equal([(large, "ObjectTooLarge")], live.FailedFiles.Select(f => (f.Path, f.Kind)));

        // Recorded as done like any quarantined file: the next poll does not try it again.
        var grain = cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key);
        await grain.PollNowAsync();
        var after = await grain.GetStatusAsync();
        Assert.Equal((bucket.LogFiles.Count, 1L, 0), (after.Counters.Requests[RequestKinds.Get], after.Counters.FilesQuarantined, after.PendingRetries));
    }

    private static string TooLargeSiblingOf(SampleFile file)
    {
        var key = TrailKey.TryParse(file.Key, out var parsed, out var reason) ? parsed : throw new InvalidOperationException(reason);
        return (key with { Unique = "TooLargeObject00" }).Format();
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(81).NextBytes(bytes);
        return bytes;
    }
}
