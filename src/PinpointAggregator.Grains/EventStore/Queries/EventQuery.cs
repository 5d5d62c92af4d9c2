namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// Which stored events a search, an export, a history or a watch is about. Every list is a set of
/// alternatives (empty: no condition); the conditions combine with AND. Built and validated by the API (its
/// caller's account scope already folded into <see cref="Accounts"/>); the stores only translate it.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Account ids; null for every account (an unscoped caller), empty matches nothing.</summary>
    public IReadOnlyCollection<string>? Accounts { get; init; }

    public IReadOnlyCollection<string> Regions { get; init; } = [];

    public IReadOnlyCollection<string> Applications { get; init; } = [];

    /// <summary>Event names.</summary>
    public IReadOnlyCollection<string> Actions { get; init; } = [];

    /// <summary>The caller's display string (<c>caller</c> column).</summary>
    public IReadOnlyCollection<string> Callers { get; init; } = [];

    public IReadOnlyCollection<string> ErrorCodes { get; init; } = [];

    public IReadOnlyCollection<string> SourceIps { get; init; } = [];

    /// <summary>Inclusive lower bound of the event time (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Exclusive upper bound of the event time (UTC).</summary>
    public DateTime? Until { get; init; }

    public bool? ReadOnly { get; init; }

    public bool ErrorsOnly { get; init; }

    /// <summary>
    /// Case-insensitive text the raw request parameters contain (<c>%</c> and <c>_</c> are literal). Meant for
    /// values: PostgreSQL matches jsonb's normalized text (a space after <c>:</c> and <c>,</c>, keys reordered,
    /// escapes decoded), the memory store the JSON as received.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>For a resource's history: the resource kind (a <c>PinpointResource</c> name).</summary>
    public string? ResourceKind { get; init; }

    /// <summary>For a resource's history: the resource id (a channel's type for channels).</summary>
    public string? ResourceId { get; init; }

    /// <summary>Only calls that change something (<c>is_write</c>).</summary>
    public bool WritesOnly { get; init; }
}
