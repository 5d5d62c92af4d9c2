using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// Starts organization discovery once the silo is up. Idempotent: the organization grain keeps itself
/// scheduled with a reminder, so this only matters the very first time a cluster starts.
/// </summary>
/// <remarks>
/// A start that fails (grain storage unreachable, the organization grain failing to activate) is logged
/// and tried again with backoff (<c>Ingestion:RetryBaseDelay</c>, at most <see cref="MaxRetryDelay"/>) until
/// it succeeds. It never ends this service with an exception: a failed background service stops the whole
/// host, and the silo should stay up to report what is wrong and recover once storage is back.
/// </remarks>
internal sealed partial class IngestionStarter(IGrainFactory grains, IOptions<IngestionOptions> options, TimeProvider time, ILogger<IngestionStarter> logger) : BackgroundService
{
    /// <summary>A start is retried at least this often, however large <c>Ingestion:MaxRetryDelay</c> is.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = options.Value;
        var maxDelay = retry.MaxRetryDelay < MaxRetryDelay ? retry.MaxRetryDelay : MaxRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan delay;
            try
            {
                await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync().WaitAsync(stoppingToken);
                LogStarted(logger, attempt);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                delay = Backoff.Delay(attempt, retry.RetryBaseDelay, maxDelay);
                LogStartFailed(logger, e, attempt, e.GetType().Name, delay);
            }

            await Task.Delay(delay, time, stoppingToken);
        }
    }

    [LoggerMessage(110, LogLevel.Information, "Ingestion started (attempt {Attempt})")]
    private static partial void LogStarted(ILogger logger, int attempt);

    [LoggerMessage(111, LogLevel.Error, "Starting ingestion failed (attempt {Attempt}, {Error}); trying again in {Delay}. The service keeps running.")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, int attempt, string error, TimeSpan delay);
}
