namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// What a grain did with a batch: how many events were new or replaced an original, and the events it
/// could never apply, each with its reason (the rest of the batch was applied).
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.ApplyResult")]
public sealed record ApplyResult(
    [property: Id(0)] int Applied,
    [property: Id(1)] IReadOnlyList<RejectedEvent> Rejected)
{
    public static ApplyResult None { get; } = new(0, []);
}
