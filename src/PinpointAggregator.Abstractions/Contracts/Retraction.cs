namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// Takes back an event's contribution from a grain that counted it, because a delivery that supersedes it
/// (an addendum) resolved to another target. Carries the superseding delivery's identity, so a grain that
/// sees the original only later still knows it is superseded.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.Retraction")]
public sealed record Retraction(
    [property: Id(0)] string DeduplicationId,
    [property: Id(1)] DateTime At,
    [property: Id(2)] string EventId,
    [property: Id(3)] bool IsAddendum);
