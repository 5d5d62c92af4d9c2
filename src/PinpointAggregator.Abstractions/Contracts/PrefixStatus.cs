namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>The state of one trail prefix's polling, for operators.</summary>
[GenerateSerializer, Immutable, Alias("pa.PrefixStatus")]
public sealed record PrefixStatus
{
    [Id(0)] public string Key { get; init; } = string.Empty;

    /// <summary>The first poll after start (the backfill) has listed everything and finished its files.</summary>
    [Id(1)] public bool CaughtUp { get; init; }

    [Id(2)] public DateTime? LastPollAt { get; init; }

    [Id(3)] public DateTime? NextPollAt { get; init; }

    /// <summary>The current polling interval; it grows while the prefix is quiet.</summary>
    [Id(4)] public TimeSpan Interval { get; init; }

    [Id(5)] public string? NewestKey { get; init; }

    /// <summary>The newest Pinpoint event read: when the trail last showed Pinpoint activity, not how current ingestion is.</summary>
    [Id(6)] public DateTime? NewestEventAt { get; init; }

    /// <summary>
    /// Ingestion lag: now minus <see cref="ReadThrough"/>, when the status was taken. Grows when polls fail,
    /// files wait for a retry, or a backfill is still running; near the poll interval when all is well. In
    /// notification mode (<see cref="Notifications"/>) polls list no window, and the read-through time is the start of
    /// the last notification after which nothing waited: the lag says how current the notified files are, and grows
    /// while no notification comes (for a quiet trail too, until <c>QuietAfter</c> brings the window listing back).
    /// </summary>
    [Id(7)] public TimeSpan? Lag { get; init; }

    [Id(8)] public PrefixCounters Counters { get; init; } = new();

    /// <summary>Files waiting to be retried after transient errors.</summary>
    [Id(9)] public int PendingRetries { get; init; }

    /// <summary>
    /// The most recent quarantined files (bounded); <see cref="PrefixCounters.FilesQuarantined"/> counts all,
    /// and every one stays listable in the prefix's quarantine log (<c>QuarantineLog.ListAsync</c>).
    /// </summary>
    [Id(10)] public IReadOnlyList<QuarantinedFile> Quarantined { get; init; } = [];

    [Id(11)] public string? LastError { get; init; }

    [Id(12)] public int ConsecutiveFailures { get; init; }

    /// <summary>Applications this prefix has delivered events for.</summary>
    [Id(13)] public IReadOnlyList<string> Applications { get; init; } = [];

    [Id(14)] public DateTime BackfillFrom { get; init; }

    /// <summary>Every file listed before this time has been read or quarantined (none waits for a retry).</summary>
    [Id(15)] public DateTime? ReadThrough { get; init; }

    /// <summary>Files waiting for a retry, oldest failure first.</summary>
    [Id(16)] public IReadOnlyList<RetryingFile> Retrying { get; init; } = [];

    /// <summary>Of <see cref="Retrying"/>, those failing for longer than <c>Ingestion:StuckFileAfter</c>.</summary>
    [Id(17)] public int StuckFiles { get; init; }

    /// <summary>The most recent batches of events set aside (bounded); <see cref="PrefixCounters.EventsSetAside"/> counts all.</summary>
    [Id(18)] public IReadOnlyList<SetAsideEvents> SetAside { get; init; } = [];

    /// <summary>Deliveries to grains that failed and wait for the next poll (the files are done).</summary>
    [Id(19)] public int UndeliveredBatches { get; init; }

    /// <summary>The most recent future-dated keys (bounded); <see cref="PrefixCounters.FutureDatedKeys"/> counts all.</summary>
    [Id(20)] public IReadOnlyList<FutureDatedKey> FutureDatedKeys { get; init; } = [];

    /// <summary>When a poll last stopped at <c>Ingestion:MaxFutureDatedKeys</c>: later future-dated keys wait for the clock.</summary>
    [Id(21)] public DateTime? FutureKeysCappedAt { get; init; }

    /// <summary>The most recent files found beyond the reconcile horizon (bounded); <see cref="PrefixCounters.FilesMissed"/> counts all.</summary>
    [Id(22)] public IReadOnlyList<MissedFile> Missed { get; init; } = [];

    /// <summary>When the next reconcile of the horizon starts (or goes on, while <see cref="ReconcileInProgress"/>).</summary>
    [Id(23)] public DateTime? NextReconcileAt { get; init; }

    /// <summary>A reconcile is listing, a few pages per poll, from where the last poll stopped.</summary>
    [Id(24)] public bool ReconcileInProgress { get; init; }

    /// <summary>An operator paused the prefix (<c>ITrailPrefixGrain.PauseAsync</c>): it skips its polls until resumed.</summary>
    [Id(25)] public bool Paused { get; init; }

    /// <summary>When it was paused; null when not paused.</summary>
    [Id(26)] public DateTime? PausedAt { get; init; }

    /// <summary>Why it was paused, as the operator said.</summary>
    [Id(27)] public string? PausedReason { get; init; }

    /// <summary>The start of a re-read asked for and not yet done (it runs on the next poll); null when none is pending.</summary>
    [Id(28)] public DateTime? RereadFrom { get; init; }

    /// <summary>The end (exclusive) of the pending re-read.</summary>
    [Id(29)] public DateTime? RereadUntil { get; init; }

    /// <summary>Integrity validation of the prefix's digests and logs (issue 11).</summary>
    [Id(30)] public PrefixIntegrityStatus Integrity { get; init; } = new();

    /// <summary>Notification-driven ingestion (issue 12): whether the prefix polls or follows notifications, and why.</summary>
    [Id(31)] public PrefixNotificationStatus Notifications { get; init; } = new();
}
