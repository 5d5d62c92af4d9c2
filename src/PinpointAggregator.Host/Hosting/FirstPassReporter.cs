using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// Logs progress until every prefix has caught up with its first pass, then says so and stops; for the
/// embedded default it also prints the live state in the <c>scan</c> format on standard output (only then is
/// the whole organization walked). The service keeps running.
/// </summary>
/// <remarks>
/// Each sample is one call to the organization grain (<see cref="IngestionProgress"/>), which asks its
/// accounts, which ask only their prefixes still on their first pass: never every prefix of the organization
/// every two seconds from every silo.
/// </remarks>
internal sealed partial class FirstPassReporter(IGrainFactory grains, SummaryOutput output, IOptions<ApiOptions> api, ILogger<FirstPassReporter> logger) : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        IngestionProgress? last = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var progress = last = await IngestionProgress.TakeAsync(grains);
                LogProgress(logger, progress.Accounts, progress.Prefixes, progress.CaughtUp, progress.Files, progress.Events);
                if (progress.Complete)
                {
                    break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Reporting must never stop the service (a failing background service stops the host).
                LogProgressFailed(logger, e.Message);
            }
        }

        if (output.Writer is null)
        {
            // A configured organization is queried, not printed: no walk over all its grains.
            LogCompleteConfigured(logger, last?.Prefixes ?? 0, last?.Files ?? 0, last?.Events ?? 0);
            return;
        }

        try
        {
            var summary = await LiveSummary.BuildAsync(grains);
            if (output.Writer is { } writer)
            {
                await writer.WriteLineAsync(ScanSummaryJson.Serialize(summary));
                await writer.FlushAsync(stoppingToken);
            }

            LogComplete(logger, summary.Applications.Count, summary.Totals.Events, summary.FailedFiles.Count);
            LogHowToAsk(logger, api.Value.Url);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogProgressFailed(logger, e.Message);
        }
    }

    [LoggerMessage(100, LogLevel.Information, "Ingesting: {Accounts} accounts, {CaughtUp}/{Prefixes} prefixes caught up, {Files} files, {Events} Pinpoint events")]
    private static partial void LogProgress(ILogger logger, int accounts, int prefixes, int caughtUp, long files, long events);

    [LoggerMessage(102, LogLevel.Warning, "Could not take ingestion progress: {Message}")]
    private static partial void LogProgressFailed(ILogger logger, string message);

    [LoggerMessage(103, LogLevel.Information, "First pass complete: {Prefixes} prefixes, {Files} files, {Events} Pinpoint events. The service keeps polling.")]
    private static partial void LogCompleteConfigured(ILogger logger, int prefixes, long files, long events);

    [LoggerMessage(104, LogLevel.Information, "Ask it over gRPC at {Url}: dotnet run --project src/PinpointAggregator.Cli -- summary (then apps list, events search, watch; README, 'Ask the running service')")]
    private static partial void LogHowToAsk(ILogger logger, string url);

    [LoggerMessage(101, LogLevel.Information, "First pass complete: {Applications} Pinpoint applications, {Events} distinct events, {Quarantined} quarantined files. The service keeps polling; Ctrl+C stops it.")]
    private static partial void LogComplete(ILogger logger, int applications, long events, int quarantined);
}
