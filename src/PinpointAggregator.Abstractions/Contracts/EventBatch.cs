namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>What a prefix delivers to one grain in one call: events to apply and contributions to take back.</summary>
[GenerateSerializer, Immutable, Alias("pa.EventBatch")]
public sealed record EventBatch(
    [property: Id(0)] IReadOnlyList<AuditEvent> Events,
    [property: Id(1)] IReadOnlyList<Retraction> Retractions)
{
    public static EventBatch Of(IReadOnlyList<AuditEvent> events) => new(events, []);
}
