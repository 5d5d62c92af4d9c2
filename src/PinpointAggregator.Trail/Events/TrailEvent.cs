using PinpointAggregator.Trail.Pinpoint;

namespace PinpointAggregator.Trail.Events;

/// <summary>
/// One CloudTrail record that passed the event-source filter, with the fields the audit needs and the
/// derived Pinpoint target. The request and response bodies are kept as raw JSON text.
/// </summary>
public sealed record TrailEvent
{
    public required string EventId { get; init; }

    public required DateTimeOffset EventTime { get; init; }

    public required string EventSource { get; init; }

    public required string EventName { get; init; }

    public string? EventType { get; init; }

    public string? AwsRegion { get; init; }

    public string? RecipientAccountId { get; init; }

    public required CallerIdentity Caller { get; init; }

    public string? SourceIpAddress { get; init; }

    public string? UserAgent { get; init; }

    public bool? ReadOnly { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? RequestId { get; init; }

    public EventAddendum? Addendum { get; init; }

    public string? RequestParametersJson { get; init; }

    public string? ResponseElementsJson { get; init; }

    public required PinpointTarget Target { get; init; }

    /// <summary>True when the call failed (CloudTrail set <c>errorCode</c>).</summary>
    public bool Failed => ErrorCode is not null;

    /// <summary>
    /// The id under which this event is deduplicated: an addendum re-sends an event under
    /// <c>addendum.originalEventID</c>, and supersedes the original.
    /// </summary>
    public string DeduplicationId => Addendum?.OriginalEventId ?? EventId;
}
