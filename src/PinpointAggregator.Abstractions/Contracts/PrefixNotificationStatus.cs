namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>How a prefix learns of new files.</summary>
public enum PrefixIngestionMode
{
    /// <summary>It lists its window every poll: no notification yet, notifications not configured, or quiet for <c>QuietAfter</c> while the trail is quiet too.</summary>
    Polling,

    /// <summary>Notifications arrive: it reads what they name, and lists only for the reconcile (a safety net).</summary>
    Notified,

    /// <summary>Notifications stopped while files kept arriving: it polls again, and says since when and why.</summary>
    Fallback,
}

/// <summary>Notification-driven ingestion of one prefix, for operators.</summary>
[GenerateSerializer, Immutable, Alias("pa.PrefixNotificationStatus")]
public sealed record PrefixNotificationStatus
{
    [Id(0)] public PrefixIngestionMode Mode { get; init; }

    /// <summary>When the freshest notification handled for this prefix was sent (SQS <c>SentTimestamp</c>).</summary>
    [Id(1)] public DateTime? LastNotificationAt { get; init; }

    /// <summary>Keys named by notifications, every delivery counted.</summary>
    [Id(2)] public long FilesNotified { get; init; }

    /// <summary>Of those, keys already done: answered without a GET.</summary>
    [Id(3)] public long NotifiedAlreadyDone { get; init; }

    /// <summary>Of those, keys older than the reconcile horizon: read, and reported as late.</summary>
    [Id(4)] public long NotifiedLate { get; init; }

    /// <summary>Since when the prefix polls because notifications stopped while files kept arriving; null unless <see cref="Mode"/> is Fallback.</summary>
    [Id(5)] public DateTime? FallbackSince { get; init; }

    /// <summary>Why it fell back (how long no notification came, how many files a listing found that none named).</summary>
    [Id(6)] public string? FallbackReason { get; init; }

    /// <summary>Times the prefix fell back to polling, never reset.</summary>
    [Id(7)] public long Fallbacks { get; init; }
}
