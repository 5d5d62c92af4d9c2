using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// Applies <see cref="EventStoreOptions.Retention"/>: every <see cref="EventStoreOptions.RetentionInterval"/>
/// drops the monthly partitions whose whole month is older than the retention. Dropping a partition is
/// instant and leaves no dead rows, unlike deleting rows. Every silo runs it; the partition lock makes
/// concurrent runs harmless.
/// </summary>
public sealed partial class EventRetention(EventPartitions partitions, IOptions<EventStoreOptions> options, TimeProvider time, ILogger<EventRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Retention is not { } retention)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                var dropped = await partitions.DropBeforeAsync(time.GetUtcNow().UtcDateTime - retention, stoppingToken);
                foreach (var name in dropped)
                {
                    LogDropped(logger, name, retention);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away; the next round tries again.
                LogFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(1, LogLevel.Information, "Dropped event partition {Partition}: all its events are older than EventStore:Retention ({Retention})")]
    private static partial void LogDropped(ILogger logger, string partition, TimeSpan retention);

    [LoggerMessage(2, LogLevel.Warning, "Applying EventStore:Retention failed ({Kind}: {Message}); will try again")]
    private static partial void LogFailed(ILogger logger, string kind, string message);
}
