namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// The audit state of one Pinpoint application, derived from the set of its distinct events: lifecycle,
/// channels, campaigns, segments, import jobs, event stream, settings, and activity counts.
/// </summary>
[GenerateSerializer, Alias("pa.ApplicationAudit")]
public sealed class ApplicationAudit
{
    [Id(0)] public string Account { get; set; } = string.Empty;

    [Id(1)] public string Region { get; set; } = string.Empty;

    [Id(2)] public string ApplicationId { get; set; } = string.Empty;

    /// <summary>From the latest successful CreateApp whose name was not redacted.</summary>
    [Id(3)] public string? Name { get; set; }

    [Id(4)] public Change? Created { get; set; }

    [Id(5)] public Change? Deleted { get; set; }

    /// <summary>Per channel type name (<c>Sms</c>, <c>Email</c>, ...).</summary>
    [Id(6)] public Dictionary<string, ChannelAudit> Channels { get; init; } = new(StringComparer.Ordinal);

    [Id(7)] public Dictionary<string, ResourceAudit> Campaigns { get; init; } = new(StringComparer.Ordinal);

    [Id(8)] public Dictionary<string, ResourceAudit> Segments { get; init; } = new(StringComparer.Ordinal);

    [Id(9)] public Dictionary<string, ResourceAudit> ImportJobs { get; init; } = new(StringComparer.Ordinal);

    [Id(10)] public EventStreamAudit EventStream { get; init; } = new();

    [Id(11)] public SettingsAudit Settings { get; init; } = new();

    [Id(12)] public ActivityCounts Activity { get; init; } = new();

    /// <summary>The change that set <see cref="Name"/>.</summary>
    [Id(13)] public Change? NamedBy { get; set; }
}
