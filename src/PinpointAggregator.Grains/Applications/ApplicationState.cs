using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Audit;

namespace PinpointAggregator.Grains.Applications;

/// <summary>Persisted state of an application grain. <see cref="Version"/> names the shape.</summary>
/// <remarks>
/// <see cref="Seen"/> holds one small stamp per distinct event so deliveries are recognised whatever their
/// order; it grows with the application's event count (about 100 bytes an event). The event store will
/// take over deduplication and let the grain keep only aggregates.
/// </remarks>
[GenerateSerializer, Alias("pa.ApplicationState")]
public sealed class ApplicationState
{
    public const int CurrentVersion = 1;

    [Id(0)] public int Version { get; set; } = CurrentVersion;

    [Id(1)] public ApplicationAudit Audit { get; set; } = new();

    [Id(2)] public Dictionary<string, EventStamp> Seen { get; init; } = new(StringComparer.Ordinal);
}
