using System.Diagnostics;
using PinpointAggregator.Audit.Local;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Cli.Commands;

/// <summary>A self-overwriting progress line on standard error, redrawn at most five times a second.</summary>
internal sealed class ProgressLine(ProgressMode mode)
{
    private static readonly long Interval = Stopwatch.Frequency / 5;

    private readonly bool _enabled = mode == ProgressMode.Always || (mode == ProgressMode.Auto && !Console.IsErrorRedirected);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _lastDrawn = -Interval;

    public void Report(ScanProgress progress)
    {
        if (!_enabled || (progress.FilesDone != progress.FilesTotal && _clock.ElapsedTicks - Interlocked.Read(ref _lastDrawn) < Interval))
        {
            return;
        }

        lock (_lock)
        {
            _lastDrawn = _clock.ElapsedTicks;
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            Console.Error.Write($"\rscan: {progress.FilesDone}/{progress.FilesTotal} files, {progress.FilesFailed} failed, {progress.DecompressedBytes / 1e6:F0} MB, {progress.EventsKept} events kept, {progress.DecompressedBytes / 1e6 / seconds:F0} MB/s   ");
        }
    }

    public void Finish(ScanSummary summary)
    {
        if (_enabled)
        {
            Console.Error.WriteLine($"\rscan: {summary.Totals.Files} files ({summary.Totals.FilesFailed} failed), {summary.Totals.Events} events, {summary.Applications.Count} applications in {_clock.Elapsed.TotalSeconds:F1} s          ");
        }
    }
}
