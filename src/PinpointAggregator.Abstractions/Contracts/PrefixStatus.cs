namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>The state of one trail prefix's polling, for operators.</summary>
[GenerateSerializer, Alias("pa.PrefixStatus")]
public sealed class PrefixStatus
{
    [Id(0)] public string Key { get; set; } = string.Empty;

    /// <summary>The first poll after start (the backfill) has listed everything and finished its files.</summary>
    [Id(1)] public bool CaughtUp { get; set; }

    [Id(2)] public DateTime? LastPollAt { get; set; }

    [Id(3)] public DateTime? NextPollAt { get; set; }

    /// <summary>The current polling interval; it grows while the prefix is quiet.</summary>
    [Id(4)] public TimeSpan Interval { get; set; }

    [Id(5)] public string? NewestKey { get; set; }

    [Id(6)] public DateTime? NewestEventAt { get; set; }

    /// <summary>Now minus <see cref="NewestEventAt"/>, when the status was taken.</summary>
    [Id(7)] public TimeSpan? Lag { get; set; }

    [Id(8)] public PrefixCounters Counters { get; set; } = new();

    /// <summary>Files waiting to be retried after transient errors.</summary>
    [Id(9)] public int PendingRetries { get; set; }

    /// <summary>The most recent quarantined files (bounded); <see cref="PrefixCounters.FilesQuarantined"/> counts all.</summary>
    [Id(10)] public List<QuarantinedFile> Quarantined { get; init; } = [];

    [Id(11)] public string? LastError { get; set; }

    [Id(12)] public int ConsecutiveFailures { get; set; }

    /// <summary>Applications this prefix has delivered events for.</summary>
    [Id(13)] public List<string> Applications { get; init; } = [];

    [Id(14)] public DateTime BackfillFrom { get; set; }
}
