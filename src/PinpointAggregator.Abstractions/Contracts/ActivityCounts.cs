namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// Counts over the distinct events of an application (or the account-level events of an account):
/// actions, reads and writes, errors by code, callers, first and last activity, and the most recent events.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.ActivityCounts")]
public sealed record ActivityCounts
{
    /// <summary>Distinct events (by eventID; an addendum replaces its original).</summary>
    [Id(0)] public long Events { get; init; }

    [Id(1)] public long Reads { get; init; }

    [Id(2)] public long Writes { get; init; }

    [Id(3)] public long Errors { get; init; }

    /// <summary>Deliveries of an event already counted (the same eventID in two files, a replayed file).</summary>
    [Id(4)] public long DuplicatesIgnored { get; init; }

    [Id(5)] public IReadOnlyDictionary<string, long> ByAction { get; init; } = new Dictionary<string, long>();

    [Id(6)] public IReadOnlyDictionary<string, long> ErrorCodes { get; init; } = new Dictionary<string, long>();

    [Id(7)] public IReadOnlyDictionary<string, long> Callers { get; init; } = new Dictionary<string, long>();

    [Id(8)] public DateTime? FirstAt { get; init; }

    [Id(9)] public DateTime? LastAt { get; init; }

    /// <summary>Newest first, at most the configured length.</summary>
    [Id(10)] public IReadOnlyList<RecentEvent> Recent { get; init; } = [];

    /// <summary>Events whose record named an application with a value that is not an application id (account level only).</summary>
    [Id(11)] public long UnresolvedTargets { get; init; }
}
