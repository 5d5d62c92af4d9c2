using PinpointAggregator.Cli.Commands;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Cli.Tests;

/// <summary><c>scan</c> over a generated organization trail reports exactly the generator's ground truth.</summary>
public sealed class ScanCommandTests
{
    private static readonly SampleTrailOptions Corpus = new()
    {
        Seed = 11, Accounts = 4, Regions = 3, Days = 2, FilesPerDay = 12, RecordsPerFile = 30,
        DuplicateShare = 0.02, AddendumShare = 0.01, MalformedFiles = 10,
    };

    [Fact]
    public void Scan_GeneratedCorpus_MatchesGroundTruthExactly()
    {
        using var folder = new TempFolder();
        var trail = SampleTrailGenerator.Generate(folder.Path, Corpus);
        var output = new FileInfo(Path.Combine(folder.Path, "summary.json"));

        var exitCode = ScanCommand.Run([folder.Path], new TrailReaderOptions(), parallelism: null, ProgressMode.Never, output, CancellationToken.None);

        var summary = ScanSummaryJson.Deserialize(File.ReadAllText(output.FullName));
        var truth = trail.GroundTruth;
        Assert.Equal(ExitCodes.SomeFilesFailed, exitCode);
        Assert.Equal(Json(truth.Applications), Json(summary.Applications));
        Assert.Equal(Json(truth.NoApplicationId), Json(summary.NoApplicationId));
        Assert.Equal(truth.FailedFiles.Select(f => (Path.Combine(folder.Path, f.Path), f.Kind)).Order(), summary.FailedFiles.Select(f => (f.Path, f.Kind)).Order());
        Assert.Equal(
            (truth.Totals.Files, truth.Totals.FilesFailed, truth.Totals.Records, truth.Totals.Events, truth.Totals.DuplicateEvents),
            (summary.Totals.Files, summary.Totals.FilesFailed, summary.Totals.Records, summary.Totals.Events, summary.Totals.DuplicateEvents));
        Assert.True(truth.Totals.DuplicateEvents > 0 && truth.Applications.Count > 30, "the corpus is too small to prove anything");

        // The signed digests, the key and the signature map are in the folder too: scan reads none of them.
        Assert.Contains(trail.Files, f => f.Digest);
        Assert.True(File.Exists(Path.Combine(folder.Path, SampleTrail.SignaturesFileName)));
    }

    [Fact]
    public void Scan_LooseFiles_ReadsJustThoseFiles()
    {
        using var folder = new TempFolder();
        var trail = SampleTrailGenerator.Generate(folder.Path, Corpus with { Accounts = 1, Regions = 1, MalformedFiles = 0 });
        var files = trail.Files.Where(f => !f.Digest).Take(3).Select(f => Path.Combine(folder.Path, f.Key)).ToArray();
        var output = new FileInfo(Path.Combine(folder.Path, "summary.json"));

        var exitCode = ScanCommand.Run(files, new TrailReaderOptions(), 1, ProgressMode.Never, output, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(3, ScanSummaryJson.Deserialize(File.ReadAllText(output.FullName)).Totals.Files);
    }

    [Fact]
    public void Scan_PathThatDoesNotExist_IsAUsageError()
    {
        var exitCode = ScanCommand.Run(["/nonexistent/trail"], new TrailReaderOptions(), null, ProgressMode.Never, null, CancellationToken.None);

        Assert.Equal(ExitCodes.UsageError, exitCode);
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
