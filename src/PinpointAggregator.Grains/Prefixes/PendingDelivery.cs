using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Events for one grain whose delivery failed. Their files are done, so one failing application never holds
/// back the prefix; the delivery is retried on the next polls and set aside only when it can never succeed,
/// or after <c>Ingestion:DeliveryAttempts</c> failures spread over at least <c>Ingestion:StuckFileAfter</c>.
/// </summary>
[GenerateSerializer, Alias("pa.PendingDelivery")]
public sealed class PendingDelivery
{
    /// <summary>The application id, or null for the account-level grain.</summary>
    [Id(0)] public string? Target { get; init; }

    [Id(1)] public List<AuditEvent> Events { get; init; } = [];

    [Id(2)] public List<Retraction> Retractions { get; init; } = [];

    [Id(3)] public int Attempts { get; set; }

    [Id(4)] public string LastError { get; set; } = string.Empty;

    [Id(5)] public DateTime? FirstFailedAt { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public EventBatch Batch => new(Events, Retractions);
}
