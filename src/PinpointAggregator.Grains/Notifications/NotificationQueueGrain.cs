using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;

namespace PinpointAggregator.Grains.Notifications;

/// <inheritdoc cref="INotificationQueueGrain"/>
/// <remarks>
/// In memory only: each silo reports its totals since it started every few seconds, so a new activation is whole again
/// after one report from each. A silo that stopped keeps its last report (its messages were counted), until this
/// activation ends.
/// </remarks>
public sealed class NotificationQueueGrain(TimeProvider time) : Grain, INotificationQueueGrain
{
    private readonly SortedDictionary<string, NotificationQueueCounters> _silos = new(StringComparer.Ordinal);
    private long? _visible;
    private long? _inFlight;
    private DateTime? _updatedAt;

    public Task ReportAsync(string silo, NotificationQueueCounters counters, long? visible, long? inFlight)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(counters);
        _silos[silo] = counters;
        if (visible is not null || inFlight is not null)
        {
            (_visible, _inFlight) = (visible, inFlight);
        }

        _updatedAt = time.GetUtcNow().UtcDateTime;
        return Task.CompletedTask;
    }

    public Task<NotificationQueueStatus> GetStatusAsync() => Task.FromResult(new NotificationQueueStatus
    {
        Queue = this.GetPrimaryKeyString(),
        Total = Sum(_silos.Values),
        Silos = new Dictionary<string, NotificationQueueCounters>(_silos, StringComparer.Ordinal),
        Visible = _visible,
        InFlight = _inFlight,
        UpdatedAt = _updatedAt,
    });

    /// <summary>Counts add up; gauges take the largest age and p99 (and p50), and the newest receive; the error is any silo's.</summary>
    internal static NotificationQueueCounters Sum(IEnumerable<NotificationQueueCounters> silos)
    {
        var all = silos.ToList();
        return new NotificationQueueCounters
        {
            MessagesReceived = all.Sum(s => s.MessagesReceived),
            MessagesDeleted = all.Sum(s => s.MessagesDeleted),
            SetAsideByReason = Merge(all.Select(s => s.SetAsideByReason)),
            KeysRouted = all.Sum(s => s.KeysRouted),
            Requests = Merge(all.Select(s => s.Requests)),
            OldestMessageAge = all.Max(s => s.OldestMessageAge),
            LatencyP50 = all.Max(s => s.LatencyP50),
            LatencyP99 = all.Max(s => s.LatencyP99),
            LastReceiveAt = all.Max(s => s.LastReceiveAt),
            LastError = all.Select(s => s.LastError).FirstOrDefault(e => e is not null),
        };
    }

    private static Dictionary<string, long> Merge(IEnumerable<IReadOnlyDictionary<string, long>> counts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in counts.SelectMany(c => c))
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }

        return sum;
    }
}
