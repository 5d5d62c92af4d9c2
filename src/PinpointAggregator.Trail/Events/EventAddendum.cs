namespace PinpointAggregator.Trail.Events;

/// <summary>
/// CloudTrail's <c>addendum</c>: the record re-sends an earlier event (for example with
/// <c>reason</c> = <c>UPDATED_DATA</c>) and supersedes it.
/// </summary>
public sealed record EventAddendum(string? Reason, string? UpdatedFields, string? OriginalRequestId, string? OriginalEventId);
