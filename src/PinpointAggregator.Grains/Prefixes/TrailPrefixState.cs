using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>Persisted state of a trail prefix grain. <see cref="Version"/> names the shape.</summary>
/// <remarks>
/// Bounded by the late-arrival window, not by history: <see cref="Done"/> and <see cref="Routes"/> hold only
/// what was read inside the window behind <see cref="NewestKeyAt"/>; older keys are never listed again, so
/// they need no memory, except to the reconcile listing, which asks the done-key store (<c>IDoneKeyStore</c>)
/// instead. Quarantine evidence lives in the quarantine log's pages, not here.
/// </remarks>
[GenerateSerializer, Alias("pa.TrailPrefixState")]
public sealed class TrailPrefixState
{
    public const int CurrentVersion = 4;

    [Id(0)] public int Version { get; set; } = CurrentVersion;

    [Id(1)] public bool Started { get; set; }

    [Id(2)] public DateTime BackfillFrom { get; set; }

    /// <summary>The newest key read whose name-time is not ahead of the clock; the window trails it.</summary>
    [Id(3)] public string? NewestKey { get; set; }

    [Id(4)] public DateTime? NewestKeyAt { get; set; }

    [Id(5)] public DateTime? NewestEventAt { get; set; }

    /// <summary>Keys done inside the late-arrival window, with the time in their name.</summary>
    [Id(6)] public Dictionary<string, DateTime> Done { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Keys that failed transiently (or while the account was denied), retried with backoff.</summary>
    [Id(7)] public Dictionary<string, RetryState> Retry { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The most recent quarantined files (bounded); every one is in the quarantine log.</summary>
    [Id(8)] public List<QuarantinedFile> Quarantined { get; init; } = [];

    [Id(9)] public PrefixCountersState Counters { get; init; } = new();

    [Id(10)] public HashSet<string> Applications { get; init; } = new(StringComparer.Ordinal);

    [Id(11)] public bool CaughtUp { get; set; }

    [Id(12)] public DateTime? RereadFrom { get; set; }

    [Id(13)] public DateTime? RereadUntil { get; set; }

    [Id(14)] public TimeSpan Interval { get; set; }

    [Id(15)] public DateTime? LastPollAt { get; set; }

    [Id(16)] public DateTime? NextPollAt { get; set; }

    [Id(17)] public string? LastError { get; set; }

    [Id(18)] public int ConsecutiveFailures { get; set; }

    /// <summary>Per deduplication id read inside the window: where its winning delivery went.</summary>
    [Id(19)] public Dictionary<string, RouteEntry> Routes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Deliveries to grains that failed; retried on the next polls.</summary>
    [Id(20)] public List<PendingDelivery> Undelivered { get; init; } = [];

    /// <summary>The most recent batches of events set aside (bounded); the counters count all.</summary>
    [Id(21)] public List<SetAsideEvents> SetAside { get; init; } = [];

    /// <summary>The most recent future-dated keys (bounded); the counters count all.</summary>
    [Id(22)] public List<FutureDatedKey> FutureDatedKeys { get; init; } = [];

    /// <summary>When the last poll that left nothing waiting started: everything listed before it was read.</summary>
    [Id(23)] public DateTime? ReadThrough { get; set; }

    /// <summary>When a poll last stopped listing at <c>Ingestion:MaxFutureDatedKeys</c> future-dated keys.</summary>
    [Id(24)] public DateTime? FutureKeysCappedAt { get; set; }

    /// <summary>When the next reconcile of the horizon starts; null until the first poll schedules it.</summary>
    [Id(25)] public DateTime? NextReconcileAt { get; set; }

    /// <summary>The last key a reconcile listed, while it goes on over several polls; null when none is running.</summary>
    [Id(26)] public string? ReconcileAfter { get; set; }

    /// <summary>The most recent files found beyond the horizon (bounded); the counters count all.</summary>
    [Id(27)] public List<MissedFile> Missed { get; init; } = [];

    /// <summary>
    /// Name-time from which every settled key is in the done-key store: the backfill start, or the window start
    /// when a prefix from before the store was upgraded. The reconcile never lists before it.
    /// </summary>
    [Id(28)] public DateTime? DoneKeysFrom { get; set; }

    /// <summary>When an operator paused the prefix; null while it polls. A paused prefix skips its polls.</summary>
    [Id(29)] public DateTime? PausedAt { get; set; }

    /// <summary>Why it was paused, as the operator said.</summary>
    [Id(30)] public string? PausedReason { get; set; }

    /// <summary>Digest following and verification (issue 11); empty in a state stored before it.</summary>
    [Id(31)] public Digests.PrefixIntegrityState Integrity { get; init; } = new();

    /// <summary>Notification-driven ingestion (issue 12): mode, counters, fallbacks; defaults in a state stored before it.</summary>
    [Id(32)] public PrefixNotificationState Notifications { get; init; } = new();
}
