namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>One entry of the bounded most-recent-events list.</summary>
[GenerateSerializer, Immutable, Alias("pa.RecentEvent")]
public sealed record RecentEvent(
    [property: Id(0)] DateTime At,
    [property: Id(1)] string EventId,
    [property: Id(2)] string EventName,
    [property: Id(3)] string Caller,
    [property: Id(4)] string? ErrorCode,
    [property: Id(5)] string? ResourceId,
    [property: Id(6)] string? SourceIpAddress,
    [property: Id(7)] string? UnresolvedTarget = null);
