using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>
/// Notification-driven ingestion's counters, histogram and gauge on the ingestion meter (<see cref="IngestionMetrics.MeterName"/>).
/// One instance per silo. SQS requests are counted with S3's (<see cref="IngestionMetrics.Request"/>, kinds
/// <see cref="RequestKinds.SqsReceive"/> and the other <c>Sqs</c> kinds).
/// </summary>
/// <remarks>
/// Labels are closed sets: the configured queues' display names and the set-aside reasons
/// (<c>NotificationSetAsideReasons</c>); nothing from a message ever becomes a label.
/// </remarks>
public sealed class NotificationMetrics
{
    private readonly ConcurrentDictionary<string, double> _oldestAge = new(StringComparer.Ordinal);
    private readonly Counter<long> _received;
    private readonly Counter<long> _deleted;
    private readonly Counter<long> _setAside;
    private readonly Histogram<double> _latency;

    public NotificationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(IngestionMetrics.MeterName);
        _received = meter.CreateCounter<long>("pinpoint.notifications.messages_received", "{message}", "Queue messages received (every receive of a message counted), by queue.");
        _deleted = meter.CreateCounter<long>("pinpoint.notifications.messages_deleted", "{message}", "Queue messages deleted: every key they name done, or set aside; by queue.");
        _setAside = meter.CreateCounter<long>("pinpoint.notifications.set_aside", "{item}", "Messages (or objects they name) set aside and never retried, by queue and reason.");
        _latency = meter.CreateHistogram<double>(
            "pinpoint.notifications.latency",
            "s",
            "From the queue's receipt of a message (SentTimestamp) to its deletion, every key it names read: notification-to-state latency; by queue.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800] });
        meter.CreateObservableGauge("pinpoint.notifications.oldest_message_age", ObserveOldest, "s", "Per queue, the age of the oldest message in this silo's last non-empty receive (now minus its SentTimestamp, at that receive).");
    }

    public void Received(string queue, int messages) => _received.Add(messages, Queue(queue));

    public void Deleted(string queue, int messages) => _deleted.Add(messages, Queue(queue));

    public void SetAside(string queue, string reason, long count) =>
        _setAside.Add(count, Queue(queue), new KeyValuePair<string, object?>("reason", reason));

    public void Latency(string queue, TimeSpan latency) => _latency.Record(Math.Max(latency.TotalSeconds, 0), Queue(queue));

    public void OldestMessageAge(string queue, TimeSpan age) => _oldestAge[queue] = Math.Max(age.TotalSeconds, 0);

    private static KeyValuePair<string, object?> Queue(string queue) => new("queue", queue);

    private IEnumerable<Measurement<double>> ObserveOldest() =>
        _oldestAge.Select(q => new Measurement<double>(q.Value, Queue(q.Key)));
}
