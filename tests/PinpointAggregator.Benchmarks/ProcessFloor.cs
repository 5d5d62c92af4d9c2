using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using PinpointAggregator.Trail.Local;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// The floor for <c>pinpoint-audit scan</c> as a whole process: the same file discovery, the same files
/// opened the same way and handed out one at a time to the same number of threads, each decompressed and
/// token-scanned by floor (b) and nothing more — no CRC32, no UTF-8 check, no records, no summary.
/// </summary>
/// <remarks>
/// Time it from outside, start-up and JIT included, beside <c>scan</c> on the same folder:
/// <c>/usr/bin/time -v PinpointAggregator.Benchmarks floor FOLDER [THREADS]</c>. Files that are not
/// valid gzip JSON are counted and skipped, as <c>scan</c> rejects them.
/// </remarks>
internal static class ProcessFloor
{
    public static void Run(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : throw new ArgumentException("usage: floor FOLDER [THREADS]");
        var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var files = LocalTrailFiles.Find([folder]);
        var (tokens, failed) = Scan(files, threads);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor (b), {threads} thread(s): {files.Count} files, {failed} not gzip JSON, {tokens} tokens"));
    }

    /// <summary>Decompresses and token-scans every file on <paramref name="threads"/> threads.</summary>
    public static (long Tokens, long Failed) Scan(IReadOnlyList<string> files, int threads)
    {
        long tokens = 0, failed = 0;
        Parallel.ForEach(
            Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            file =>
            {
                try
                {
                    using var stream = Baselines.OpenLikeTheReader(file);
                    Interlocked.Add(ref tokens, Baselines.DecompressAndScan(stream));
                }
                catch (Exception e) when (e is InvalidDataException or JsonException)
                {
                    Interlocked.Increment(ref failed);
                }
            });
        return (tokens, failed);
    }
}
