using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Audit.Tests.Summary;

public sealed class ScanSummaryBuilderTests
{
    private static readonly string FileA = TrailJson.Document([
        TrailJson.PinpointRecord("e1", "GetApp", "app1"),
        TrailJson.PinpointRecord("e2", "DeleteApp", "app1").Replace("10:00:00", "11:00:00", StringComparison.Ordinal),
        TrailJson.PinpointRecord("e3", "GetApps", "app1").Replace("{\"application-id\":\"app1\"}", "{}", StringComparison.Ordinal),
    ]);

    private static readonly string FileB = TrailJson.Document([
        TrailJson.PinpointRecord("e1", "GetApp", "app1"),
        TrailJson.PinpointRecord("e4", "GetCampaigns", "app1", extra: ",\"errorCode\":\"AccessDenied\"").Replace("10:00:00", "09:00:00", StringComparison.Ordinal),
        TrailJson.PinpointRecord("e5", "GetApp", "app1", extra: ",\"addendum\":{\"reason\":\"UPDATED_DATA\",\"originalEventID\":\"e1\"}"),
    ]);

    [Fact]
    public void DuplicatesAndAddenda_CountOnce()
    {
        var summary = Build(("a", FileA), ("b", FileB));

        var app = summary.Applications["app1"];
        Assert.Equal(3, app.Events);
        Assert.Equal(new Dictionary<string, long> { ["DeleteApp"] = 1, ["GetApp"] = 1, ["GetCampaigns"] = 1 }, app.ByEventName);
        Assert.Equal((1L, "AccessDenied"), (app.Errors, app.ErrorCodes.Single().Key));
        Assert.Equal(("2024-06-01T09:00:00Z", "2024-06-01T11:00:00Z"), (app.FirstEventTime, app.LastEventTime));
        Assert.Equal((true, "2024-06-01T11:00:00Z", false), (app.Deleted, app.DeletedAt, app.Created));
        Assert.Equal(1, summary.NoApplicationId.ByEventName["GetApps"]);
        Assert.Equal((4L, 2L), (summary.Totals.Events, summary.Totals.DuplicateEvents));
    }

    [Fact]
    public void HostileApplicationIds_CountAsUnresolvedTargetsWithoutAnApplication()
    {
        var summary = Build(("h", TrailJson.Document([
            TrailJson.PinpointRecord("h1", "GetApp", "x/y", extra: ",\"errorCode\":\"AccessDenied\""),
            TrailJson.PinpointRecord("h2", "GetApp", "junk-app-123", extra: ",\"errorCode\":\"NotFoundException\""),
            TrailJson.PinpointRecord("h3", "GetApp", "app1"),
        ])));

        Assert.Equal(["app1"], summary.Applications.Keys);
        Assert.Equal((2L, 2L), (summary.NoApplicationId.Events, summary.NoApplicationId.UnresolvedTargets));
        Assert.Contains("\"unresolved_targets\": 2", ScanSummaryJson.Serialize(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_DoesNotDependOnFileOrder()
    {
        var forward = ScanSummaryJson.Serialize(Build(("a", FileA), ("b", FileB)));
        var backward = ScanSummaryJson.Serialize(Build(("b", FileB), ("a", FileA)));

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void FailedFiles_AreListedWithKindAndReason()
    {
        var summary = Build(("good", FileA), ("bad", "{\"records\":[]}"));

        var failed = Assert.Single(summary.FailedFiles);
        Assert.Equal(("bad", "MissingRecords"), (failed.Path, failed.Kind));
        Assert.Equal((2L, 1L), (summary.Totals.Files, summary.Totals.FilesFailed));
    }

    [Fact]
    public void Json_UsesSnakeCase_AndRoundTrips()
    {
        var json = ScanSummaryJson.Serialize(Build(("a", FileA)));

        Assert.Contains("\"no_application_id\"", json, StringComparison.Ordinal);
        Assert.Contains("\"by_event_name\"", json, StringComparison.Ordinal);
        Assert.Contains("\"first_event_time\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ScanSummaryJson.Serialize(ScanSummaryJson.Deserialize(json)));
    }

    /// <summary>
    /// Regression (found in review): two distinct events with the same (time, event id) — one an addendum
    /// re-sending another original — in another account and region: the one folded first named the
    /// application's account and region, and which came first depended on file order.
    /// </summary>
    [Fact]
    public void DistinctEventsWithEqualKeys_NameTheSameAccountAndRegion_InEitherFileOrder()
    {
        var plain = TrailJson.Document([TrailJson.PinpointRecord("x", "GetApp", "app1")]);
        var addendum = TrailJson.Document([
            TrailJson.PinpointRecord("x", "GetApp", "app1", extra: ",\"addendum\":{\"reason\":\"UPDATED_DATA\",\"originalEventID\":\"y\"}")
                .Replace("us-east-1", "eu-west-1", StringComparison.Ordinal)
                .Replace("\"recipientAccountId\":\"111122223333\"", "\"recipientAccountId\":\"999999999999\"", StringComparison.Ordinal),
        ]);

        var forward = Build(("a", plain), ("b", addendum)).Applications["app1"];
        var backward = Build(("b", addendum), ("a", plain)).Applications["app1"];

        Assert.Equal((forward.Account, forward.Region), (backward.Account, backward.Region));
        Assert.Equal(2, forward.Events);
    }

    private static ScanSummary Build(params (string Path, string Json)[] files)
    {
        var builder = new ScanSummaryBuilder();
        foreach (var (path, json) in files)
        {
            builder.AddFile(path, TrailFiles.ReadJson(json));
        }

        return builder.Build();
    }
}
