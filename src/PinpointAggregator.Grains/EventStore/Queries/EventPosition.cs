namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// Where a page of a time-ordered result ends: the last event's (time, event id, target). The target breaks
/// ties between rows that share an event id (a member account can forge one), so the order is total and a
/// keyset page never skips or repeats a row.
/// </summary>
public readonly record struct EventPosition(DateTime EventTime, string EventId, string Target);
