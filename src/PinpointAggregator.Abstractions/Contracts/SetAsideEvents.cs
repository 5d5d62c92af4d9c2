namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// Events that could not be applied to their grain, set aside with the reason so the rest of the prefix
/// went on. <see cref="Target"/> is the application id, or null for the account-level grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.SetAsideEvents")]
public sealed record SetAsideEvents(
    [property: Id(0)] string? Target,
    [property: Id(1)] string Reason,
    [property: Id(2)] int Events,
    [property: Id(3)] IReadOnlyList<string> EventIds,
    [property: Id(4)] DateTime At);
