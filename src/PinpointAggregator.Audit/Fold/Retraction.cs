namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// Takes back an event's contribution from a fold that counted it, because a delivery that supersedes it
/// (an addendum) resolved to another target. Carries the superseding delivery's identity, so a fold that
/// sees the original only later still knows it is superseded.
/// </summary>
public sealed record Retraction(string DeduplicationId, DateTime At, string EventId, bool IsAddendum);
