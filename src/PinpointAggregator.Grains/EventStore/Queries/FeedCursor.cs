namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// A position in the feed of stored events, opaque outside the store that made it (the API signs it into
/// the watch cursor it hands out). Two numbers cover both stores: PostgreSQL's (transaction id, row
/// sequence), the memory store's (0, sequence).
/// </summary>
public readonly record struct FeedCursor(long Major, long Minor);
