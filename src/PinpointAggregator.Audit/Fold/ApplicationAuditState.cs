namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// The audit state of one Pinpoint application, derived from the set of its distinct events: lifecycle,
/// channels, campaigns, segments, import jobs, event stream, settings, and activity counts. The fold's own
/// type: persisted by the application grain, mapped to contracts for queries, projected for the scan.
/// </summary>
public sealed class ApplicationAuditState
{
    public string Account { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;

    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>From the latest successful CreateApp whose name was not redacted.</summary>
    public string? Name { get; set; }

    /// <summary>The change that set <see cref="Name"/>.</summary>
    public Change? NamedBy { get; set; }

    public Change? Created { get; set; }

    public Change? Deleted { get; set; }

    /// <summary>Per channel type name (<c>Sms</c>, <c>Email</c>, ...).</summary>
    public Dictionary<string, ChannelState> Channels { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, ResourceState> Campaigns { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, ResourceState> Segments { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, ResourceState> ImportJobs { get; init; } = new(StringComparer.Ordinal);

    public EventStreamState EventStream { get; init; } = new();

    public SettingsState Settings { get; init; } = new();

    public ActivityState Activity { get; init; } = new();
}
