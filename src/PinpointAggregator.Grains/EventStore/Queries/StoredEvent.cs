namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>One stored event as queries read it: the columns of <c>pinpoint_events</c>.</summary>
public sealed record StoredEvent
{
    public required string Target { get; init; }

    public required string EventId { get; init; }

    public required DateTime EventTime { get; init; }

    public required string Account { get; init; }

    public string? Region { get; init; }

    public string? ApplicationId { get; init; }

    public required string EventSource { get; init; }

    public required string EventName { get; init; }

    public string? EventType { get; init; }

    public required string ResourceKind { get; init; }

    public string? ResourceId { get; init; }

    public string? Channel { get; init; }

    public string? UnresolvedTarget { get; init; }

    public string? CallerType { get; init; }

    public string? CallerArn { get; init; }

    public string? CallerAccountId { get; init; }

    public string? CallerPrincipalId { get; init; }

    public string? CallerUserName { get; init; }

    public string? CallerIssuerArn { get; init; }

    public string? CallerInvokedBy { get; init; }

    /// <summary>The caller's display string.</summary>
    public required string Caller { get; init; }

    public bool? ReadOnly { get; init; }

    public required bool IsWrite { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }

    public string? RequestId { get; init; }

    public string? SourceKey { get; init; }

    public required bool IsAddendum { get; init; }

    /// <summary>Raw JSON; null unless asked for (and present).</summary>
    public string? RequestParametersJson { get; init; }

    /// <summary>Raw JSON; null unless asked for (and present).</summary>
    public string? ResponseElementsJson { get; init; }

    /// <summary>
    /// Set by <see cref="IEventQueries.ReadFeedAsync"/>: the feed cursor right after this event, so a watch can
    /// hand out a resume point with every event it sends (null from the other reads).
    /// </summary>
    public FeedCursor? FeedPosition { get; init; }

    public EventPosition Position => new(EventTime, EventId, Target);
}
