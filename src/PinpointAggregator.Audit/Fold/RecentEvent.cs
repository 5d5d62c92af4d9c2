namespace PinpointAggregator.Audit.Fold;

/// <summary>One entry of the bounded most-recent-events list.</summary>
public sealed record RecentEvent(
    DateTime At,
    string EventId,
    string EventName,
    string Caller,
    string? ErrorCode,
    string? ResourceId,
    string? SourceIpAddress,
    string? UnresolvedTarget = null);
