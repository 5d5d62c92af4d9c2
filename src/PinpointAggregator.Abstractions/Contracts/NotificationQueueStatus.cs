namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>A notification queue across the cluster: every silo's counters summed, and each silo's report.</summary>
[GenerateSerializer, Immutable, Alias("pa.NotificationQueueStatus")]
public sealed record NotificationQueueStatus
{
    [Id(0)] public string Queue { get; init; } = string.Empty;

    /// <summary>The sum over silos (gauges: the largest age, the largest p99, the newest receive).</summary>
    [Id(1)] public NotificationQueueCounters Total { get; init; } = new();

    /// <summary>Each silo's last report, by silo name, with when it came.</summary>
    [Id(2)] public IReadOnlyDictionary<string, NotificationQueueCounters> Silos { get; init; } = new Dictionary<string, NotificationQueueCounters>();

    /// <summary>Messages waiting and in flight, as the queue last said (<c>ApproximateNumberOfMessages</c>, <c>…NotVisible</c>).</summary>
    [Id(3)] public long? Visible { get; init; }

    [Id(4)] public long? InFlight { get; init; }

    [Id(5)] public DateTime? UpdatedAt { get; init; }
}
