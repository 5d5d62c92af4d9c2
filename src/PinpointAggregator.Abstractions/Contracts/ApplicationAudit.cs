namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// The audit state of one Pinpoint application, as queries see it: lifecycle, channels, campaigns,
/// segments, import jobs, event stream, settings, and activity counts. Mapped from the grain's state in
/// one place; never persisted.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.ApplicationAudit")]
public sealed record ApplicationAudit
{
    [Id(0)] public string Account { get; init; } = string.Empty;

    [Id(1)] public string Region { get; init; } = string.Empty;

    [Id(2)] public string ApplicationId { get; init; } = string.Empty;

    /// <summary>From the latest successful CreateApp whose name was not redacted.</summary>
    [Id(3)] public string? Name { get; init; }

    [Id(4)] public Change? Created { get; init; }

    [Id(5)] public Change? Deleted { get; init; }

    /// <summary>Per channel type name (<c>Sms</c>, <c>Email</c>, ...).</summary>
    [Id(6)] public IReadOnlyDictionary<string, ChannelAudit> Channels { get; init; } = new Dictionary<string, ChannelAudit>();

    [Id(7)] public IReadOnlyDictionary<string, ResourceAudit> Campaigns { get; init; } = new Dictionary<string, ResourceAudit>();

    [Id(8)] public IReadOnlyDictionary<string, ResourceAudit> Segments { get; init; } = new Dictionary<string, ResourceAudit>();

    [Id(9)] public IReadOnlyDictionary<string, ResourceAudit> ImportJobs { get; init; } = new Dictionary<string, ResourceAudit>();

    [Id(10)] public EventStreamAudit EventStream { get; init; } = new();

    [Id(11)] public SettingsAudit Settings { get; init; } = new();

    [Id(12)] public ActivityCounts Activity { get; init; } = new();

    /// <summary>The change that set <see cref="Name"/>.</summary>
    [Id(13)] public Change? NamedBy { get; init; }
}
