namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>What one read of the feed returns: matching events in store order, and where to continue.</summary>
public sealed record FeedPage(IReadOnlyList<StoredEvent> Events, FeedCursor Next);
