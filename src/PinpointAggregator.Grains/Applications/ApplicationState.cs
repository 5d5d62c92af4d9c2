using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Grains.Applications;

/// <summary>Persisted state of an application grain (JSON). <see cref="Version"/> names the shape.</summary>
/// <remarks>
/// The audit fold's own state type, not a contract. <see cref="Seen"/> holds one small stamp per distinct
/// event so deliveries are recognised whatever their order; it grows with the application's event count
/// (about 100 bytes an event). The event store will take over deduplication and let the grain keep only
/// aggregates.
/// </remarks>
public sealed class ApplicationState
{
    public const int CurrentVersion = 2;

    public int Version { get; set; } = CurrentVersion;

    public ApplicationAuditState Audit { get; set; } = new();

    public Dictionary<string, EventStamp> Seen { get; init; } = new(StringComparer.Ordinal);
}
