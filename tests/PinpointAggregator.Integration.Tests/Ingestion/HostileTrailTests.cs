using System.Text.Json;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Audit.Summary;
using static PinpointAggregator.Integration.Tests.Cluster.HandMadeBucket;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// A member account's trail written to fool or stall the auditor: request fields that are not application
/// ids, a CreateApp whose addendum names the application its original did not (in both file orders), and
/// an object named years ahead. The service must neither stall nor be blinded, and must agree with the
/// offline scan of the same bytes.
/// </summary>
public sealed class HostileTrailTests
{
    private static readonly DateTime T = new(2024, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    private static string AddendumOf(string originalId) =>
        ",\"addendum\":{\"reason\":\"UPDATED_DATA\",\"updatedFields\":\"responseElements\",\"originalEventID\":\"" + originalId + "\"}";

    [Fact]
    public async Task HostileIdsMovedAddendaAndAFutureKey_NeitherStallNorBlind_AndTheServiceAgreesWithTheScan()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        await bucket.PutAsync(KeyAt(T, "a"),
            Record("h-slash", T, "GetApp", "x/y", ",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"denied\""),
            Record("h-junk", T.AddMinutes(1), "GetApp", "junk-app-123", ",\"errorCode\":\"NotFoundException\""),
            Record("h-huge", T.AddMinutes(2), "DeleteApp", new string('9', 5000), ",\"errorCode\":\"BadRequestException\""),
            Record("ok-1", T.AddMinutes(3), "GetApp", "app1"),
            Record("create-1", T.AddMinutes(4), "CreateApp", null));
        await bucket.PutAsync(KeyAt(T.AddMinutes(5), "b"),
            Record("create-1-addendum", T.AddMinutes(4), "CreateApp", null, AddendumOf("create-1") + ",\"responseElements\":{\"Id\":\"appnew1\",\"Name\":\"***\"}"),
            Record("create-2-addendum", T.AddMinutes(6), "CreateApp", null, AddendumOf("create-2") + ",\"responseElements\":{\"Id\":\"appnew2\",\"Name\":\"***\"}"),
            Record("ok-1", T.AddMinutes(3), "GetApp", "app1"));
        await bucket.PutAsync(KeyAt(T.AddMinutes(10), "c"),
            Record("create-2", T.AddMinutes(6), "CreateApp", null),
            Record("ok-2", T.AddMinutes(9), "UpdateSmsChannel", "app1", ",\"readOnly\":false"));
        await bucket.PutAsync(KeyAt(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), "future"),
            Record("future-1", T.AddMinutes(11), "GetApp", "app1"));
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name);
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(1, 4);

        // A file delivered after the future-dated one, inside the late-arrival window of the real ones.
        await bucket.PutAsync(KeyAt(T.AddMinutes(45), "late"), Record("late-1", T.AddMinutes(44), "DeleteApp", "app1"));
        var prefix = (await cluster.PrefixesAsync()).Single();
        await cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key).PollNowAsync();
        var after = (await cluster.CaughtUpAsync(1, 5)).Single();

        var scan = bucket.Scan();
        var live = await cluster.SummaryAsync();
        AssertAgree(scan, live);
        Assert.Equal(["app1", "appnew1", "appnew2"], live.Applications.Keys);
        Assert.Equal((3L, 3L), (live.NoApplicationId.Events, live.NoApplicationId.UnresolvedTargets));
        Assert.Equal((1L, 0L, 0), (after.Counters.FutureDatedKeys, after.Counters.EventsSetAside, after.UndeliveredBatches));
        Assert.Equal("2099-01-01T00:00:00", Assert.Single(after.FutureDatedKeys).NameTime.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
        var account = await cluster.AccountAsync(HandMadeBucket.Account);
        Assert.Contains(account.AccountLevel.Recent, r => r.UnresolvedTarget == "x/y");
    }

    private static void AssertAgree(ScanSummary scan, ScanSummary live)
    {
        Assert.Equal(JsonSerializer.Serialize(scan.Applications), JsonSerializer.Serialize(live.Applications));
        Assert.Equal(JsonSerializer.Serialize(scan.NoApplicationId), JsonSerializer.Serialize(live.NoApplicationId));
        Assert.Equal(
            (scan.Totals.Files, scan.Totals.FilesFailed, scan.Totals.Records, scan.Totals.Events, scan.Totals.DuplicateEvents),
            (live.Totals.Files, live.Totals.FilesFailed, live.Totals.Records, live.Totals.Events, live.Totals.DuplicateEvents));
    }

    [Fact]
    public async Task ManyFutureDatedKeys_AreReadUpToTheCap_ThenNotListedPast_AndRealFilesStillArrive()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        await bucket.PutAsync(KeyAt(T, "a"), Record("ok-1", T, "GetApp", "app1"));
        foreach (var year in new[] { 2097, 2098, 2099 })
        {
            await bucket.PutAsync(KeyAt(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), "future"), Record($"future-{year}", T.AddMinutes(1), "GetApp", "app1"));
        }

        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: new Dictionary<string, string?> { ["Ingestion:MaxFutureDatedKeys"] = "1" });
        await cluster.StartIngestionAsync();
        var first = (await cluster.CaughtUpAsync(1, 2)).Single();
        await bucket.PutAsync(KeyAt(T.AddMinutes(30), "late"), Record("late-1", T.AddMinutes(29), "DeleteApp", "app1"));
        await cluster.Grains.GetGrain<ITrailPrefixGrain>(first.Key).PollNowAsync();
        var after = (await cluster.CaughtUpAsync(1, 3)).Single();

        Assert.Equal(1, after.Counters.FutureDatedKeys);
        Assert.Contains("_20970101T0000Z_", Assert.Single(after.FutureDatedKeys).Key, StringComparison.Ordinal);
        Assert.NotNull(after.FutureKeysCappedAt);
        Assert.Equal(3, after.Counters.Requests[Grains.Infrastructure.RequestKinds.Get]);
    }
}
