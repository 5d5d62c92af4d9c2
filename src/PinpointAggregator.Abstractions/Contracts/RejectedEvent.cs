namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>An event a grain could not apply, and why.</summary>
[GenerateSerializer, Immutable, Alias("pa.RejectedEvent")]
public sealed record RejectedEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Reason);
