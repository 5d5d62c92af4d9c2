using System.Text.Json;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using static PinpointAggregator.Integration.Tests.Cluster.HandMadeBucket;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// Files that land after the late-arrival window has moved past them: read once by the reconcile when they
/// are inside the horizon, reported once (and never read) when they are beyond it. The reconcile runs every
/// 2 s here; the assertions wait for reconciles, never for the clock.
/// </summary>
public sealed class ReconcileTests
{
    private static readonly DateTime T = new(2024, 6, 10, 10, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Ingestion:StartFrom"] = "2024-06-01T00:00:00Z",
        ["Ingestion:ReconcileInterval"] = "00:00:02",
    };

    [Fact]
    public async Task FilesLanding3HoursAnd3DaysLate_AreEachReadExactlyOnce()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        await PutBaseAsync(bucket);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: Settings);
        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, 4)).Single();

        await bucket.PutAsync(KeyAt(T.AddHours(-3), "late3h"), Record("late-3h", T.AddHours(-3), "UpdateSmsChannel", "app1", ",\"readOnly\":false"));
        await bucket.PutAsync(KeyAt(T.AddDays(-3), "late3d"), Record("late-3d", T.AddDays(-3), "DeleteApp", "app2"), Record("ok-1", T.AddDays(-4), "GetApp", "app1"));
        var read = await WaitAsync(cluster, prefix.Key, p => p.CaughtUp && p.Counters.FilesRead == 6);
        var later = await WaitAsync(cluster, prefix.Key, p => p.Counters.Reconciles >= read.Counters.Reconciles + 2);

        AssertAgree(bucket.Scan(), await cluster.SummaryAsync());
        Assert.Equal((6L, 2L, 0L), (later.Counters.FilesRead, later.Counters.FilesReconciled, later.Counters.FilesMissed));
        Assert.Equal(6, later.Counters.Requests[RequestKinds.Get]);
    }

    [Fact]
    public async Task FileLandingBeyondTheHorizon_IsReportedOnce_AndNeverRead_AndAnOldQuarantinedFileIsNotMissed()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        await PutBaseAsync(bucket);
        await bucket.PutRawAsync(KeyAt(T.AddDays(-7).AddHours(-6), "damaged"), [0x1f, 0x8b, 0x08, 0x00, 0x42]);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: Settings);
        await cluster.StartIngestionAsync();
        var prefix = (await cluster.CaughtUpAsync(1, 5)).Single();

        var tooLate = KeyAt(T.AddDays(-7).AddHours(-12), "toolate");
        await bucket.PutAsync(tooLate, Record("too-late", T.AddDays(-7).AddHours(-12), "DeleteApp", "app1"));
        var missed = await WaitAsync(cluster, prefix.Key, p => p.Counters.FilesMissed > 0);
        var later = await WaitAsync(cluster, prefix.Key, p => p.Counters.Reconciles >= missed.Counters.Reconciles + 2);

        var file = Assert.Single(later.Missed);
        Assert.Equal((tooLate, TimeSpan.FromDays(7.5)), (file.Key, file.Late));
        Assert.Equal((1L, 1L, 4L), (later.Counters.FilesMissed, later.Counters.FilesQuarantined, later.Counters.FilesRead));
        Assert.Equal(5, later.Counters.Requests[RequestKinds.Get]);
        AssertAgree(bucket.Scan(except: tooLate), await cluster.SummaryAsync());
    }

    /// <summary>Four files over four days, the newest at <see cref="T"/>.</summary>
    private static async Task PutBaseAsync(HandMadeBucket bucket)
    {
        await bucket.PutAsync(KeyAt(T.AddDays(-4), "a"), Record("ok-1", T.AddDays(-4), "GetApp", "app1"), Record("create-2", T.AddDays(-4), "CreateApp", null, ",\"responseElements\":{\"Id\":\"app2\"}"));
        await bucket.PutAsync(KeyAt(T.AddDays(-2), "b"), Record("ok-2", T.AddDays(-2), "GetApp", "app2"));
        await bucket.PutAsync(KeyAt(T.AddHours(-5), "c"), Record("ok-3", T.AddHours(-5), "UpdateApplicationSettings", "app1", ",\"readOnly\":false"));
        await bucket.PutAsync(KeyAt(T, "d"), Record("ok-4", T, "GetApp", "app1"));
    }

    private static Task<PrefixStatus> WaitAsync(IngestionCluster cluster, string prefix, Func<PrefixStatus, bool> condition) =>
        Eventually.MatchesAsync(() => cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix).GetStatusAsync(), condition, "the prefix's status");

    private static void AssertAgree(ScanSummary scan, ScanSummary live)
    {
        Assert.Equal(JsonSerializer.Serialize(scan.Applications), JsonSerializer.Serialize(live.Applications));
        Assert.Equal(JsonSerializer.Serialize(scan.NoApplicationId), JsonSerializer.Serialize(live.NoApplicationId));
        Assert.Equal(
            (scan.Totals.Files, scan.Totals.FilesFailed, scan.Totals.Records, scan.Totals.Events, scan.Totals.DuplicateEvents),
            (live.Totals.Files, live.Totals.FilesFailed, live.Totals.Records, live.Totals.Events, live.Totals.DuplicateEvents));
    }
}
