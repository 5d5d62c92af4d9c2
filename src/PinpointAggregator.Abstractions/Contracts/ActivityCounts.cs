namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// Counts over the distinct events of an application (or the account-level events of an account):
/// actions, reads and writes, errors by code, callers, first and last activity, and the most recent events.
/// </summary>
[GenerateSerializer, Alias("pa.ActivityCounts")]
public sealed class ActivityCounts
{
    /// <summary>Distinct events (by eventID; an addendum replaces its original).</summary>
    [Id(0)] public long Events { get; set; }

    [Id(1)] public long Reads { get; set; }

    [Id(2)] public long Writes { get; set; }

    [Id(3)] public long Errors { get; set; }

    /// <summary>Deliveries of an event already counted (the same eventID in two files, a replayed file).</summary>
    [Id(4)] public long DuplicatesIgnored { get; set; }

    [Id(5)] public Dictionary<string, long> ByAction { get; init; } = new(StringComparer.Ordinal);

    [Id(6)] public Dictionary<string, long> ErrorCodes { get; init; } = new(StringComparer.Ordinal);

    [Id(7)] public Dictionary<string, long> Callers { get; init; } = new(StringComparer.Ordinal);

    [Id(8)] public DateTime? FirstAt { get; set; }

    [Id(9)] public DateTime? LastAt { get; set; }

    /// <summary>Newest first, at most the configured length.</summary>
    [Id(10)] public List<RecentEvent> Recent { get; init; } = [];

    /// <summary>
    /// Events whose record named an application with a value that is not an application id (account level
    /// only); the value is in their <see cref="RecentEvent.UnresolvedTarget"/>.
    /// </summary>
    [Id(11)] public long UnresolvedTargets { get; set; }
}
