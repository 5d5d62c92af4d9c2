using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Audit.Events;

/// <summary>
/// The one domain event: a CloudTrail record of a kept event source, with its meaning resolved once, on
/// the record's bytes, while the file was read — what it acts on (<see cref="Target"/>), whether it writes,
/// who called, whether it failed, and the few body fields the audit keeps (<see cref="Details"/>). The
/// request and response bodies are kept as raw JSON text for the event store.
/// </summary>
public sealed record AuditEvent
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

    /// <summary>CloudTrail's <c>readOnly</c>, when the record has it.</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>
    /// Whether the call changes something: not <see cref="ReadOnly"/>, or, when the record does not say,
    /// an action that is not a Get, List or Describe.
    /// </summary>
    public required bool IsWrite { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? RequestId { get; init; }

    public EventAddendum? Addendum { get; init; }

    public string? RequestParametersJson { get; init; }

    public string? ResponseElementsJson { get; init; }

    public required PinpointTarget Target { get; init; }

    public required PinpointDetails Details { get; init; }

    /// <summary>The trail file's key the event was read from: set by the ingestion, which knows it (the reader does not).</summary>
    public string? SourceKey { get; init; }

    /// <summary>The identity every ordering rule uses: (time UTC, event id).</summary>
    public EventKey Key => new(EventTime.UtcDateTime, EventId);

    /// <summary>True when the call failed (CloudTrail set <c>errorCode</c>).</summary>
    public bool Failed => ErrorCode is not null;

    public bool IsAddendum => Addendum is not null;

    /// <summary>
    /// The id under which this event is deduplicated: an addendum re-sends an event under
    /// <c>addendum.originalEventID</c>, and supersedes the original.
    /// </summary>
    public string DeduplicationId => Addendum?.OriginalEventId ?? EventId;
}
