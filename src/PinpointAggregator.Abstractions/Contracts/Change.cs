namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>One successful call that changed something: when, by whom, which event.</summary>
[GenerateSerializer, Immutable, Alias("pa.Change")]
public sealed record Change(
    [property: Id(0)] DateTime At,
    [property: Id(1)] string By,
    [property: Id(2)] string EventId,
    [property: Id(3)] string EventName);
