using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Audit.Tests.Fold;

/// <summary>
/// A flat description of one Pinpoint event for fold tests, convertible to the domain
/// <see cref="AuditEvent"/>: tests state what matters (<c>with { ErrorCode = ... }</c>) and nothing else.
/// </summary>
internal sealed record TestEvent
{
    public required string EventId { get; init; }

    /// <summary>The original's id, for an addendum.</summary>
    public string? DeduplicationId { get; init; }

    public bool IsAddendum { get; init; }

    public required DateTime At { get; init; }

    public required string EventName { get; init; }

    public bool IsWrite { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>The caller's ARN, which is also its display name.</summary>
    public required string Caller { get; init; }

    public string? SourceIpAddress { get; init; }

    /// <summary>A <see cref="PinpointResource"/> name.</summary>
    public required string Resource { get; init; }

    public string? ResourceId { get; init; }

    /// <summary>A <see cref="PinpointChannel"/> name.</summary>
    public string? Channel { get; init; }

    public string? ApplicationName { get; init; }

    public string? DestinationStreamArn { get; init; }

    public bool? Enabled { get; init; }

    public int? Version { get; init; }

    public string? ApplicationId { get; init; }

    public string? UnresolvedTarget { get; init; }

    public static implicit operator AuditEvent(TestEvent t) => new()
    {
        EventId = t.EventId,
        EventTime = new DateTimeOffset(t.At, TimeSpan.Zero),
        EventSource = PinpointTargetResolver.PinpointEventSource,
        EventName = t.EventName,
        IsWrite = t.IsWrite,
        ErrorCode = t.ErrorCode,
        Caller = new CallerIdentity(null, t.Caller, null, null, null, null, null),
        SourceIpAddress = t.SourceIpAddress,
        Addendum = t.IsAddendum ? new EventAddendum("UPDATED_DATA", null, null, t.DeduplicationId) : null,
        Target = new PinpointTarget(
            t.ApplicationId,
            Enum.Parse<PinpointResource>(t.Resource),
            t.ResourceId,
            t.Channel is null ? null : Enum.Parse<PinpointChannel>(t.Channel),
            t.UnresolvedTarget),
        Details = new PinpointDetails(t.ApplicationName, t.DestinationStreamArn, t.Enabled, t.Version),
    };
}
