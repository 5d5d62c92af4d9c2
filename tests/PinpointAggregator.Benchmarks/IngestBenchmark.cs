using System.Diagnostics;
using System.Globalization;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.SampleData;
using PinpointAggregator.Audit.Local;
using PinpointAggregator.Trail.Local;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// Ingestion through a real silo (one silo, in-memory storage, the corpus as a local-folder bucket) beside
/// the offline scan of the same files in the same run, then the request cost of an idle poll and of a
/// new file, counted by the prefix grains themselves.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "pinpoint-ingest-corpus");
        var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        if (!File.Exists(Path.Combine(folder, SampleTrail.GroundTruthFileName)))
        {
            Console.Error.WriteLine($"generating a {days}-day corpus in {folder} ...");
            SampleTrailGenerator.Generate(folder, SampleTrailOptions.Benchmark(days));
        }

        // The newest file of one prefix is held back, to measure what a new file costs once caught up.
        var files = LocalTrailFiles.Find([folder]);
        var heldBack = files.Order(StringComparer.Ordinal).Last();
        var aside = heldBack + ".held";
        File.Move(heldBack, aside);
        try
        {
            var scanSeconds = TimeScan(files.Where(f => f != heldBack).ToList(), out var scanned);
            await using var silo = await BenchmarkSilo.StartAsync(folder);
            var clock = Stopwatch.StartNew();
            await silo.Organization.StartAsync();
            var prefixes = await silo.WaitUntilCaughtUpAsync(files.Count - 1);
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            var live = await LiveSummary.BuildAsync(silo.Grains);
            var json = prefixes.Sum(p => p.Counters.DecompressedBytes);
            var events = prefixes.Sum(p => p.Counters.Events);

            Console.WriteLine($"corpus: {files.Count - 1} files, {json / 1e6:F0} MB JSON, {events} Pinpoint events, {prefixes.Length} prefixes; {Environment.ProcessorCount} cores");
            Console.WriteLine("| path | seconds | files/s | MB/s (JSON) | Pinpoint events/s |");
            Console.WriteLine("|---|---|---|---|---|");
            Row("offline `scan` (all cores, no grains): the baseline", scanSeconds, files.Count - 1, json, events);
            Row("silo: prefix grains → application grains, in-memory storage", ingestSeconds, files.Count - 1, json, events);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest vs scan: {scanSeconds / ingestSeconds:P0}; applications: live {live.Applications.Count}, scan {scanned.Applications.Count}, identical: {Same(live, scanned)}"));

            var idle = await silo.MeasurePollsAsync(prefixes, polls: 3);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle poll: {idle.Lists / (3.0 * prefixes.Length):F2} LIST and {idle.Gets / (3.0 * prefixes.Length):F2} GET per prefix per poll ({prefixes.Length} prefixes × 3 polls)"));

            File.Move(aside, heldBack);
            var owner = prefixes.Single(p => heldBack.Replace('\\', '/').Contains(p.Key[(p.Key.IndexOf('/', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal));
            var added = await silo.MeasurePollsAsync([owner], polls: 1);
            Console.WriteLine($"new file: {added.Lists} LIST and {added.Gets} GET for the poll that finds it");
        }
        finally
        {
            if (File.Exists(aside))
            {
                File.Move(aside, heldBack);
            }
        }
    }

    private static double TimeScan(List<string> files, out Audit.Summary.ScanSummary summary)
    {
        var scanner = new LocalTrailScanner(AuditEventReader.Create());
        scanner.Scan(files.Take(files.Count / 10).ToList()); // warm-up: JIT, tiering, pools
        var clock = Stopwatch.StartNew();
        summary = scanner.Scan(files);
        return clock.Elapsed.TotalSeconds;
    }

    private static bool Same(Audit.Summary.ScanSummary a, Audit.Summary.ScanSummary b) =>
        System.Text.Json.JsonSerializer.Serialize(a.Applications) == System.Text.Json.JsonSerializer.Serialize(b.Applications)
        && System.Text.Json.JsonSerializer.Serialize(a.NoApplicationId) == System.Text.Json.JsonSerializer.Serialize(b.NoApplicationId);

    private static void Row(string name, double seconds, int files, long json, long events) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds:F2} | {files / seconds:F0} | {json / 1e6 / seconds:F0} | {events / seconds / 1e3:F0}k |"));
}
