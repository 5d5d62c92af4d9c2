using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Trail.Summary;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// For the embedded default: logs progress while the sample trail is read and, when every prefix has
/// caught up, prints the live state in the <c>scan</c> format on standard output. The service keeps running.
/// </summary>
internal sealed partial class FirstPassReporter(IGrainFactory grains, SummaryOutput output, ILogger<FirstPassReporter> logger) : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var progress = await IngestionProgress.TakeAsync(grains);
            LogProgress(logger, progress.Accounts, progress.Prefixes, progress.CaughtUp, progress.Files, progress.Events);
            if (progress.Complete)
            {
                break;
            }
        }

        var summary = await LiveSummary.BuildAsync(grains);
        await output.Writer.WriteLineAsync(ScanSummaryJson.Serialize(summary));
        await output.Writer.FlushAsync(stoppingToken);
        LogComplete(logger, summary.Applications.Count, summary.Totals.Events, summary.FailedFiles.Count);
    }

    [LoggerMessage(100, LogLevel.Information, "Ingesting: {Accounts} accounts, {CaughtUp}/{Prefixes} prefixes caught up, {Files} files, {Events} Pinpoint events")]
    private static partial void LogProgress(ILogger logger, int accounts, int prefixes, int caughtUp, long files, long events);

    [LoggerMessage(101, LogLevel.Information, "First pass complete: {Applications} Pinpoint applications, {Events} distinct events, {Quarantined} quarantined files. The service keeps polling; Ctrl+C stops it.")]
    private static partial void LogComplete(ILogger logger, int applications, long events, int quarantined);
}
