using System.Text.Json;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>Compares the live state with the generator's ground truth, field for field.</summary>
internal static class SummaryAssert
{
    public static void MatchesGroundTruth(ScanSummary truth, ScanSummary live)
    {
        Assert.Equal(Json(truth.Applications), Json(live.Applications));
        Assert.Equal(Json(truth.NoApplicationId), Json(live.NoApplicationId));
        Assert.Equal(truth.FailedFiles.Select(f => (f.Path, f.Kind)).Order(), live.FailedFiles.Select(f => (f.Path, f.Kind)).Order());
        Assert.Equal(
            (truth.Totals.Files, truth.Totals.FilesFailed, truth.Totals.Records, truth.Totals.Events),
            (live.Totals.Files, live.Totals.FilesFailed, live.Totals.Records, live.Totals.Events));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
