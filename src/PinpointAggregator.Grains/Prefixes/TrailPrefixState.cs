using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>Persisted state of a trail prefix grain. <see cref="Version"/> names the shape.</summary>
/// <remarks>
/// Bounded by the late-arrival window, not by history: <see cref="Done"/> holds only keys stamped inside
/// the window behind <see cref="NewestKeyAt"/>; older keys are never listed again, so they need no memory.
/// </remarks>
[GenerateSerializer, Alias("pa.TrailPrefixState")]
public sealed class TrailPrefixState
{
    public const int CurrentVersion = 1;

    [Id(0)] public int Version { get; set; } = CurrentVersion;

    [Id(1)] public bool Started { get; set; }

    [Id(2)] public DateTime BackfillFrom { get; set; }

    [Id(3)] public string? NewestKey { get; set; }

    [Id(4)] public DateTime? NewestKeyAt { get; set; }

    [Id(5)] public DateTime? NewestEventAt { get; set; }

    /// <summary>Keys done inside the late-arrival window, with the time in their name.</summary>
    [Id(6)] public Dictionary<string, DateTime> Done { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Keys that failed transiently (or while the account was denied), retried every poll.</summary>
    [Id(7)] public Dictionary<string, DateTime> Retry { get; init; } = new(StringComparer.Ordinal);

    [Id(8)] public List<QuarantinedFile> Quarantined { get; init; } = [];

    [Id(9)] public PrefixCounters Counters { get; init; } = new();

    [Id(10)] public HashSet<string> Applications { get; init; } = new(StringComparer.Ordinal);

    [Id(11)] public bool CaughtUp { get; set; }

    [Id(12)] public DateTime? RereadFrom { get; set; }

    [Id(13)] public DateTime? RereadUntil { get; set; }

    [Id(14)] public TimeSpan Interval { get; set; }

    [Id(15)] public DateTime? LastPollAt { get; set; }

    [Id(16)] public DateTime? NextPollAt { get; set; }

    [Id(17)] public string? LastError { get; set; }

    [Id(18)] public int ConsecutiveFailures { get; set; }
}
