using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>
/// One silo's running totals for one queue, as reported to the queue's grain (<see cref="NotificationQueueCounters"/>).
/// Thread-safe. Latency percentiles are over the last <see cref="LatencySamples"/> deleted messages.
/// </summary>
public sealed class NotificationQueueTally
{
    /// <summary>How many recent latencies the percentiles are taken over.</summary>
    public const int LatencySamples = 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, long> _setAside = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly TimeSpan[] _latencies = new TimeSpan[LatencySamples];
    private int _latencyCount;
    private int _latencyNext;
    private long _received;
    private long _deleted;
    private long _keysRouted;
    private TimeSpan? _oldestAge;
    private DateTime? _lastReceiveAt;
    private string? _lastError;

    public void Request(string kind)
    {
        lock (_gate)
        {
            _requests[kind] = _requests.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>A receive answered with <paramref name="messages"/> messages, the oldest <paramref name="oldestAge"/> old (null when none).</summary>
    public void Received(int messages, TimeSpan? oldestAge, DateTime at)
    {
        lock (_gate)
        {
            _received += messages;
            _lastReceiveAt = at;
            _lastError = null;
            if (oldestAge is not null)
            {
                _oldestAge = oldestAge;
            }
        }
    }

    public void Routed(int keys)
    {
        lock (_gate)
        {
            _keysRouted += keys;
        }
    }

    public void SetAside(string reason, long count)
    {
        lock (_gate)
        {
            _setAside[reason] = _setAside.GetValueOrDefault(reason) + count;
        }
    }

    /// <summary><paramref name="messages"/> deleted; <paramref name="latencies"/> of those read (none for messages set aside).</summary>
    public void Deleted(int messages, IEnumerable<TimeSpan> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        lock (_gate)
        {
            _deleted += messages;
            foreach (var latency in latencies)
            {
                _latencies[_latencyNext] = latency;
                _latencyNext = (_latencyNext + 1) % LatencySamples;
                _latencyCount = Math.Min(_latencyCount + 1, LatencySamples);
            }
        }
    }

    /// <summary>The last failure talking to the queue: its code and queue, never a credential (see <c>NotificationQueueException</c>).</summary>
    public void Failed(string error)
    {
        lock (_gate)
        {
            _lastError = error;
        }
    }

    public NotificationQueueCounters Snapshot()
    {
        lock (_gate)
        {
            var sorted = _latencies.Take(_latencyCount).Order().ToArray();
            return new NotificationQueueCounters
            {
                MessagesReceived = _received,
                MessagesDeleted = _deleted,
                SetAsideByReason = new Dictionary<string, long>(_setAside, StringComparer.Ordinal),
                KeysRouted = _keysRouted,
                Requests = new Dictionary<string, long>(_requests, StringComparer.Ordinal),
                OldestMessageAge = _oldestAge,
                LatencyP50 = Percentile(sorted, 0.50),
                LatencyP99 = Percentile(sorted, 0.99),
                LastReceiveAt = _lastReceiveAt,
                LastError = _lastError,
            };
        }
    }

    /// <summary>Nearest rank: the smallest sample at or above the fraction of the samples.</summary>
    internal static TimeSpan? Percentile(TimeSpan[] sorted, double fraction) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
