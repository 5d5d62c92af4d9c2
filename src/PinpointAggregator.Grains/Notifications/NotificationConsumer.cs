using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>
/// Consumes every configured notification queue on this silo (every silo does: SQS hands each message to one consumer
/// at a time), one <see cref="NotificationQueueWorker"/> per queue, from when the silo is active until it stops. A queue
/// that fails backs off on its own and never holds up the others. Every <see cref="ReportInterval"/> each queue's
/// totals go to its <see cref="INotificationQueueGrain"/>, with the queue's depth every <see cref="DepthInterval"/>.
/// With no queue configured it does nothing.
/// </summary>
/// <remarks>
/// A lifecycle participant rather than a hosted service so it starts once the silo can take grain calls
/// (<see cref="ServiceLifecycleStage.Active"/>) and stops before the silo deactivates its grains: a batch being read
/// when the silo stops is finished and deleted, not left to come back.
/// </remarks>
public sealed partial class NotificationConsumer(
    IServiceProvider services,
    IGrainFactory grains,
    IOptions<IngestionOptions> options,
    ILocalSiloDetails silo,
    IngestionMetrics ingestionMetrics,
    NotificationMetrics metrics,
    TimeProvider time,
    ILogger<NotificationConsumer> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>How often each queue's totals are reported to its grain.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    /// <summary>How often the queue is asked for its depth (a <c>GetQueueAttributes</c>).</summary>
    public static readonly TimeSpan DepthInterval = TimeSpan.FromSeconds(60);

    /// <summary>A queue's consumer retries at least this often, however large <c>Ingestion:MaxRetryDelay</c> is.</summary>
    private static readonly TimeSpan IngestionRetryCap = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly List<NotificationQueueWorker> _workers = [];

    /// <summary>The queues this silo consumes, once started.</summary>
    public IReadOnlyList<NotificationQueueWorker> Workers => _workers;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NotificationConsumer), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        var ingestion = options.Value;
        var notifications = ingestion.Notifications;
        if (!notifications.Enabled)
        {
            return Task.CompletedTask;
        }

        var factory = services.GetService<INotificationQueueClientFactory>()
            ?? throw new InvalidOperationException($"Ingestion:Notifications:Queues is configured but no {nameof(INotificationQueueClientFactory)} is registered.");
        var router = new NotificationKeyRouter(ingestion);
        var shared = new NotificationQueueWorkerServices(
            notifications,
            notified => ToBatchRoute(router.Route(notified)),
            (prefix, files) => grains.GetGrain<ITrailPrefixGrain>(prefix).ReadNotifiedAsync(files),
            ingestionMetrics,
            metrics,
            time,
            logger,
            ingestion.RetryBaseDelay,
            ingestion.MaxRetryDelay < IngestionRetryCap ? ingestion.MaxRetryDelay : IngestionRetryCap);
        foreach (var queue in notifications.Queues)
        {
            var client = factory.Open(queue);
            var worker = new NotificationQueueWorker(client, shared);
            _workers.Add(worker);
            for (var loop = 0; loop < notifications.ConsumersPerQueue; loop++)
            {
                // Several batches in flight: one waiting on a busy prefix grain never holds up the queue.
                _loops.Add(Task.Run(() => worker.RunAsync(_stopping.Token), CancellationToken.None));
            }

            _loops.Add(Task.Run(() => ReportAsync(client, worker, _stopping.Token), CancellationToken.None));
            LogConsuming(logger, client.Name, notifications.MaxMessages, notifications.WaitTime, notifications.VisibilityTimeout);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            // The batches being read finish (their grain calls cannot be cancelled) and are deleted.
            await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo's stop timed out: what was not deleted comes back after the visibility timeout.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static BatchKeyRoute ToBatchRoute(NotificationRoute route) =>
        route.IsRouted ? BatchKeyRoute.To(route.Prefix.Format(), route.Stamp) : BatchKeyRoute.Aside(route.SetAsideReason);

    private async Task ReportAsync(INotificationQueueClient client, NotificationQueueWorker worker, CancellationToken stopping)
    {
        var grain = grains.GetGrain<INotificationQueueGrain>(client.Name);
        var nextDepth = time.GetUtcNow();
        while (true)
        {
            QueueDepth? depth = null;
            if (time.GetUtcNow() >= nextDepth && !stopping.IsCancellationRequested)
            {
                nextDepth = time.GetUtcNow() + DepthInterval;
                depth = await DepthAsync(client, worker, stopping).ConfigureAwait(false);
            }

            try
            {
                await grain.ReportAsync(silo.Name, worker.Tally.Snapshot(), depth?.Visible, depth?.InFlight).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Status only: the next report carries the same totals.
                LogReportFailed(logger, client.Name, e.GetType().Name);
            }

            if (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(ReportInterval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // One last report with the final totals, then done.
            }
        }
    }

    private async Task<QueueDepth?> DepthAsync(INotificationQueueClient client, NotificationQueueWorker worker, CancellationToken stopping)
    {
        ingestionMetrics.Request(RequestKinds.SqsGetAttributes);
        worker.Tally.Request(RequestKinds.SqsGetAttributes);
        try
        {
            return await client.DepthAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            LogDepthFailed(logger, client.Name, e is NotificationQueueException ? e.Message : e.GetType().Name);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [LoggerMessage(810, LogLevel.Information, "Consuming notification queue {Queue}: up to {MaxMessages} messages per receive, long polls of {Wait}, visibility {Visibility}")]
    private static partial void LogConsuming(ILogger logger, string queue, int maxMessages, TimeSpan wait, TimeSpan visibility);

    [LoggerMessage(811, LogLevel.Debug, "Reporting notification queue {Queue}'s totals failed ({Error}); the next report carries them")]
    private static partial void LogReportFailed(ILogger logger, string queue, string error);

    [LoggerMessage(812, LogLevel.Information, "Asking notification queue {Queue} for its depth failed: {Error}")]
    private static partial void LogDepthFailed(ILogger logger, string queue, string error);
}
