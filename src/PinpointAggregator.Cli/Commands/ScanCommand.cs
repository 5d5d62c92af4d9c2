using System.CommandLine;
using PinpointAggregator.Audit.Local;
using PinpointAggregator.Trail.Local;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Cli.Commands;

/// <summary><c>scan PATH...</c>: reads local trail files on all cores and prints the JSON summary.</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Folders in the bucket layout (searched recursively) or single .json.gz log files." };
        var sources = new Option<string[]>("--event-source") { Description = "Event sources to keep (repeatable). Default: pinpoint.amazonaws.com.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the JSON summary to this file instead of standard output." };
        var parallelism = new Option<int?>("--parallelism") { Description = "Files read at once. Default: one per core." };
        var progress = new Option<ProgressMode>("--progress") { Description = "Progress on standard error: auto (only on a terminal), always or never.", DefaultValueFactory = _ => ProgressMode.Auto };
        var maxRecord = new Option<int>("--max-record-bytes") { Description = "Reject files with a single record larger than this.", DefaultValueFactory = _ => TrailReaderOptions.DefaultMaxRecordBytes };
        var maxDecompressed = new Option<long>("--max-decompressed-bytes") { Description = "Reject files that decompress to more than this.", DefaultValueFactory = _ => TrailReaderOptions.DefaultMaxDecompressedBytes };

        var command = new Command("scan", "Read CloudTrail log files from local folders or files and print a JSON summary per Pinpoint application.")
        {
            paths, sources, output, parallelism, progress, maxRecord, maxDecompressed,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new TrailReaderOptions { MaxRecordBytes = parse.GetValue(maxRecord), MaxDecompressedBytes = parse.GetValue(maxDecompressed) };
            if (parse.GetValue(sources) is { Length: > 0 } kept)
            {
                options.EventSources = kept;
            }

            return Task.FromResult(Run(parse.GetValue(paths)!, options, parse.GetValue(parallelism), parse.GetValue(progress), parse.GetValue(output), cancellationToken));
        });
        return command;
    }

    internal static int Run(string[] paths, TrailReaderOptions options, int? parallelism, ProgressMode progressMode, FileInfo? output, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files;
        TrailFileReader<AuditEvent> reader;
        try
        {
            files = LocalTrailFiles.Find(paths);
            reader = AuditEventReader.ForSummaries(options);
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine($"scan: {e.Message}");
            return ExitCodes.UsageError;
        }

        var progress = new ProgressLine(progressMode);
        var summary = new LocalTrailScanner(reader, parallelism).Scan(files, progress.Report, cancellationToken);
        progress.Finish(summary);

        using (var stream = output is null ? Console.OpenStandardOutput() : output.Create())
        {
            ScanSummaryJson.Serialize(stream, summary);
            stream.Write("\n"u8);
        }

        return summary.Totals.FilesFailed > 0 ? ExitCodes.SomeFilesFailed : ExitCodes.Success;
    }
}
