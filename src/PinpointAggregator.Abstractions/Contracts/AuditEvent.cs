namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// A Pinpoint event as the audit grains need it: identity for deduplication, who, when, what, and the
/// few body fields the audit state keeps. Built from a trail record by the prefix grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.AuditEvent")]
public sealed record AuditEvent
{
    [Id(0)] public required string EventId { get; init; }

    /// <summary>The id the event counts under: <c>addendum.originalEventID</c> for a re-sent event.</summary>
    [Id(1)] public required string DeduplicationId { get; init; }

    [Id(2)] public bool IsAddendum { get; init; }

    /// <summary>CloudTrail's eventTime, UTC.</summary>
    [Id(3)] public required DateTime At { get; init; }

    [Id(4)] public required string EventName { get; init; }

    /// <summary>False for read-only calls (<c>readOnly</c>, or a Get/List action when the record has none).</summary>
    [Id(5)] public bool IsWrite { get; init; }

    [Id(6)] public string? ErrorCode { get; init; }

    /// <summary>Who called: the role behind an assumed-role session, the user, or the invoking service.</summary>
    [Id(7)] public required string Caller { get; init; }

    [Id(8)] public string? SourceIpAddress { get; init; }

    /// <summary>The Pinpoint resource kind (<c>PinpointResource</c> name), e.g. <c>Campaign</c>.</summary>
    [Id(9)] public required string Resource { get; init; }

    [Id(10)] public string? ResourceId { get; init; }

    /// <summary>The channel type (<c>PinpointChannel</c> name) for channel actions.</summary>
    [Id(11)] public string? Channel { get; init; }

    [Id(12)] public string? ApplicationName { get; init; }

    [Id(13)] public string? DestinationStreamArn { get; init; }

    [Id(14)] public bool? Enabled { get; init; }

    [Id(15)] public int? Version { get; init; }

    [Id(16)] public string? ApplicationId { get; init; }

    /// <summary>
    /// The record named an application with a value that is not an application id (bounded copy, for the
    /// audit only): the event counts at account level, as an unresolved target.
    /// </summary>
    [Id(17)] public string? UnresolvedTarget { get; init; }

    public bool Failed => ErrorCode is not null;
}
