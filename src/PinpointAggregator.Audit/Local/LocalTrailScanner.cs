using System.Collections.Concurrent;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Audit.Local;

/// <summary>Reads many local trail files on all cores into one <see cref="ScanSummary"/>.</summary>
public sealed class LocalTrailScanner(TrailFileReader<AuditEvent> reader, int? maxDegreeOfParallelism = null)
{
    public ScanSummary Scan(IReadOnlyList<string> files, Action<ScanProgress>? onFileDone = null, CancellationToken cancellationToken = default)
    {
        var builder = new ScanSummaryBuilder(maxDegreeOfParallelism);
        int done = 0, failed = 0;
        long bytes = 0, events = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        // No buffering: files differ in size, so hand them out one at a time to keep every core busy.
        var partitioner = Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, options, file =>
        {
            var result = reader.ReadFile(file);
            builder.AddFile(file, result);
            var progress = new ScanProgress(
                Interlocked.Increment(ref done),
                files.Count,
                result.Succeeded ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed),
                Interlocked.Add(ref bytes, result.DecompressedBytes),
                Interlocked.Add(ref events, result.Events.Count));
            onFileDone?.Invoke(progress);
        });

        return builder.Build();
    }
}
