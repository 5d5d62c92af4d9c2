using System.Diagnostics;
using System.Globalization;
using PinpointAggregator.Benchmarks;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Local;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Audit.Events;

// Usage: dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- [CORPUS_FOLDER] [DAYS] [ITERATIONS]
//        dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- ingest [CORPUS_FOLDER] [DAYS]
//        dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- cluster FOLDER CONNECTION_STRING [DAYS] [ROUNDS] [SILOS]
//        dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- scale FOLDER CONNECTION_STRING [ACCOUNTS] [REGIONS] [SILOS]
//        dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- api CONNECTION_STRING [APPS] [EVENTS_PER_APP] [SECONDS] [CALLERS] [ROUNDS]
//        PinpointAggregator.Benchmarks floor FOLDER [THREADS]   (the whole-process floor for `scan`: time it from outside)
//        dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- verify [CORPUS_FOLDER] [ROUNDS] [PUBLIC_KEY_FILE...]
//        dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- cost [ACCOUNTS] [REGIONS] [MEASURED_HOURS] [polling|notified|both]
//        PA_TEST_S3_ENDPOINT=... PA_TEST_SQS_ENDPOINT=... dotnet run -c Release --project tests/PinpointAggregator.Benchmarks -- latency [RATE] [SECONDS] [ROUNDS] [PREFIXES]
if (args is ["latency", ..])
{
    await PinpointAggregator.Benchmarks.Notifications.LatencyBenchmark.RunAsync(args[1..]);
    return;
}

if (args is ["cost", ..])
{
    await PinpointAggregator.Benchmarks.Notifications.CostBenchmark.RunAsync(args[1..]);
    return;
}

if (args is ["verify", ..])
{
    VerifyBenchmark.Run(args[1..]);
    return;
}

if (args is ["floor", ..])
{
    ProcessFloor.Run(args[1..]);
    return;
}

if (args is ["api", ..])
{
    await ApiLoadBenchmark.RunAsync(args[1..]);
    return;
}

if (args is ["scale", ..])
{
    await ScaleBenchmark.RunAsync(args[1..]);
    return;
}

if (args is ["cluster", ..])
{
    await ClusterIngestBenchmark.RunAsync(args[1..]);
    return;
}

if (args is ["ingest", ..])
{
    await IngestBenchmark.RunAsync(args[1..]);
    return;
}

// Generates the corpus on first use (SampleTrailOptions.Benchmark: about 125 MB of JSON per day), loads
// every file into memory so disk speed does not count, then times each reader over the whole corpus,
// single-threaded and on all cores, in turn, and prints each one's best of ITERATIONS passes as a Markdown table.
var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "pinpoint-bench-corpus");
var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

if (!File.Exists(Path.Combine(folder, SampleTrail.GroundTruthFileName)))
{
    Console.Error.WriteLine($"generating a {days}-day corpus in {folder} ...");
    SampleTrailGenerator.Generate(folder, SampleTrailOptions.Benchmark(days));
}

// Files the reader rejects (a corpus may hold damaged ones on purpose) are left out of every contender.
var reader = AuditEventReader.Create();
var hashingReader = AuditEventReader.Create(new TrailReaderOptions { ComputeSha256 = true });
var files = LocalTrailFiles.Find([folder]).Select(File.ReadAllBytes).Where(f => reader.Read(new MemoryStream(f)).Succeeded).ToArray();
var json = files.Sum(f => Baselines.Decompress(f));
var records = files.Sum(f => (long)reader.Read(new MemoryStream(f)).RecordsRead);
Console.Error.WriteLine($"corpus: {files.Length} files, {files.Sum(f => (long)f.Length) / 1e6:F0} MB gzip, {json / 1e6:F0} MB JSON, {records} records; {Environment.ProcessorCount} cores");

var contenders = new (string Name, Func<byte[], long> Run)[]
{
    ("(a) decompress only (GZipStream)", Baselines.Decompress),
    ("(b) decompress + Utf8JsonReader token scan (the floor)", Baselines.DecompressAndScan),
    ("TrailFileReader<AuditEvent> (CRC32, UTF-8 check, filter, Pinpoint events)", f => reader.Read(new MemoryStream(f)).Events.Count),
    ("(b+h) decompress + token scan + SHA-256 (the floor with hashing)", Baselines.DecompressScanAndHash),
    ("TrailFileReader<AuditEvent> with SHA-256 (ComputeSha256)", f => hashingReader.Read(new MemoryStream(f)).Events.Count),
};

var results = new Dictionary<(string, int), double>();
var cpuResults = new Dictionary<(string, int), double>();
foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
{
    foreach (var (_, run) in contenders)
    {
        Measure(files.Take(files.Length / 10).ToArray(), run, threads); // warm-up: JIT, tiering, pools
    }

    // Interleaved (a, b, reader, a, b, reader, ...) so a machine whose speed drifts slows every contender alike.
    for (var i = 0; i < iterations; i++)
    {
        foreach (var (name, run) in contenders)
        {
            var (seconds, cpuSeconds) = Measure(files, run, threads);
            results[(name, threads)] = Math.Min(results.GetValueOrDefault((name, threads), double.MaxValue), seconds);
            cpuResults[(name, threads)] = Math.Min(cpuResults.GetValueOrDefault((name, threads), double.MaxValue), cpuSeconds);
            Console.Error.WriteLine($"{name}, {threads} thread(s), pass {i + 1}: {json / 1e6 / seconds:F0} MB/s, {json / 1e6 / cpuSeconds:F0} MB per CPU second");
        }
    }
}

var floor = contenders[1].Name;
var hashFloor = contenders[3].Name;
Console.WriteLine($"| reader | threads | MB/s (uncompressed JSON) | records/s | vs (b) | vs (b+h) | MB per CPU second | CPU vs (b) | CPU vs (b+h) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var ((name, threads), seconds) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {threads} | {json / 1e6 / seconds:F0} | {records / seconds / 1e3:F0}k | {results[(floor, threads)] / seconds:P0} | {results[(hashFloor, threads)] / seconds:P0} | {json / 1e6 / cpuResults[(name, threads)]:F0} | {cpuResults[(floor, threads)] / cpuResults[(name, threads)]:P0} | {cpuResults[(hashFloor, threads)] / cpuResults[(name, threads)]:P0} |"));
}

// Wall seconds and the process's CPU seconds (all threads: on a busy machine, CPU time is what waiting for a core does not inflate).
static (double Seconds, double CpuSeconds) Measure(byte[][] files, Func<byte[], long> run, int threads)
{
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    Parallel.ForEach(
        System.Collections.Concurrent.Partitioner.Create(files, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
        new ParallelOptions { MaxDegreeOfParallelism = threads },
        f => run(f));
    var seconds = clock.Elapsed.TotalSeconds;
    process.Refresh();
    return (seconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
}
