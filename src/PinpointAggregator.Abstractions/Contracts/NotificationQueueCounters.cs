namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// One silo's running totals for one queue since the silo started; reported to the queue's grain
/// (<see cref="Grains.INotificationQueueGrain"/>), which sums the silos.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.NotificationQueueCounters")]
public sealed record NotificationQueueCounters
{
    [Id(0)] public long MessagesReceived { get; init; }

    [Id(1)] public long MessagesDeleted { get; init; }

    /// <summary>Messages (or objects in them) set aside, by reason (<c>NotificationSetAsideReasons</c>).</summary>
    [Id(2)] public IReadOnlyDictionary<string, long> SetAsideByReason { get; init; } = new Dictionary<string, long>();

    /// <summary>Keys handed to prefix grains.</summary>
    [Id(3)] public long KeysRouted { get; init; }

    /// <summary>SQS requests by kind (receive, delete, change visibility, attributes).</summary>
    [Id(4)] public IReadOnlyDictionary<string, long> Requests { get; init; } = new Dictionary<string, long>();

    /// <summary>The age of the oldest message in the last non-empty receive (now minus its SentTimestamp, at that receive).</summary>
    [Id(5)] public TimeSpan? OldestMessageAge { get; init; }

    /// <summary>Message-to-read latency of the messages deleted lately (sent to deleted), 50th and 99th percentile.</summary>
    [Id(6)] public TimeSpan? LatencyP50 { get; init; }

    [Id(7)] public TimeSpan? LatencyP99 { get; init; }

    [Id(8)] public DateTime? LastReceiveAt { get; init; }

    /// <summary>The last failure talking to the queue (code and message, never a credential); null after a success.</summary>
    [Id(9)] public string? LastError { get; init; }
}
