using Microsoft.Extensions.Logging;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>What a <see cref="NotificationQueueWorker"/> works with, shared by a silo's queues.</summary>
/// <param name="Options">The notification options.</param>
/// <param name="Route">Maps a notified object to its prefix grain, or a set-aside reason.</param>
/// <param name="Read">Asks a prefix grain (by key) to read notified keys: <c>ITrailPrefixGrain.ReadNotifiedAsync</c> in a silo.</param>
/// <param name="Ingestion">Where SQS requests are counted, beside S3's.</param>
/// <param name="Metrics">The notification metrics.</param>
/// <param name="Time">The clock (receipts, visibility extension, backoff).</param>
/// <param name="Logger">The consumer's log.</param>
/// <param name="RetryBaseDelay">The first backoff after a failure talking to the queue.</param>
/// <param name="MaxRetryDelay">The longest backoff.</param>
public sealed record NotificationQueueWorkerServices(
    NotificationOptions Options,
    Func<NotifiedObject, BatchKeyRoute> Route,
    Func<string, IReadOnlyList<NotifiedFile>, Task<IReadOnlyList<NotifiedFileResult>>> Read,
    IngestionMetrics Ingestion,
    NotificationMetrics Metrics,
    TimeProvider Time,
    ILogger Logger,
    TimeSpan RetryBaseDelay,
    TimeSpan MaxRetryDelay);
