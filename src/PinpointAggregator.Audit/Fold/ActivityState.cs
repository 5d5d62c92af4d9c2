namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// Counts over the distinct events of an application (or the account-level events of an account):
/// actions, reads and writes, errors by code, callers, first and last activity, and the most recent events.
/// </summary>
public sealed class ActivityState
{
    /// <summary>Distinct events (by eventID; an addendum replaces its original).</summary>
    public long Events { get; set; }

    public long Reads { get; set; }

    public long Writes { get; set; }

    public long Errors { get; set; }

    /// <summary>Deliveries of an event already counted (the same eventID in two files, a replayed file).</summary>
    public long DuplicatesIgnored { get; set; }

    public Dictionary<string, long> ByAction { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> ErrorCodes { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Callers { get; init; } = new(StringComparer.Ordinal);

    public DateTime? FirstAt { get; set; }

    public DateTime? LastAt { get; set; }

    /// <summary>Newest first, at most the configured length.</summary>
    public List<RecentEvent> Recent { get; init; } = [];

    /// <summary>
    /// Events whose record named an application with a value that is not an application id (account level
    /// only); the value is in their <see cref="RecentEvent.UnresolvedTarget"/>.
    /// </summary>
    public long UnresolvedTargets { get; set; }
}
