using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// What a prefix delivers to one grain in one call: the domain events to apply and contributions to take
/// back. The events and retractions are the audit library's own immutable types (JSON on the wire).
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.EventBatch")]
public sealed record EventBatch(
    [property: Id(0)] IReadOnlyList<AuditEvent> Events,
    [property: Id(1)] IReadOnlyList<Retraction> Retractions)
{
    public static EventBatch Of(IReadOnlyList<AuditEvent> events) => new(events, []);
}
