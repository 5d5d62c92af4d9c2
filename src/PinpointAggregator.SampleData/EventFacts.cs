namespace PinpointAggregator.SampleData;

/// <summary>
/// What the generator knows about a record it wrote, independent of any reader: the ground truth is
/// computed from these facts, never by reading the files back.
/// </summary>
internal sealed record EventFacts(
    string EventId,
    string DeduplicationId,
    string EventSource,
    string EventName,
    string? ApplicationId,
    string EventTime,
    string? ErrorCode,
    string Account,
    string Region);
