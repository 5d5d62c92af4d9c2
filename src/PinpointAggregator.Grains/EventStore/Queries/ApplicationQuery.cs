namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>Which applications a list is about; conditions combine with AND, lists are alternatives.</summary>
public sealed record ApplicationQuery
{
    /// <summary>Account ids; null for every account, empty matches nothing.</summary>
    public IReadOnlyCollection<string>? Accounts { get; init; }

    public IReadOnlyCollection<string> Regions { get; init; } = [];

    /// <summary>True: only deleted; false: only alive; null: both.</summary>
    public bool? Deleted { get; init; }

    /// <summary>Case-insensitive text the application's name contains.</summary>
    public string? NameContains { get; init; }

    /// <summary>Only applications whose last event is at or after this time.</summary>
    public DateTime? ActiveSince { get; init; }

    public bool HasErrors { get; init; }
}
