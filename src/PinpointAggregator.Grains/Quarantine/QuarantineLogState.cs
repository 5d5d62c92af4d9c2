using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Quarantine;

/// <summary>Persisted state of one quarantine log page. <see cref="Version"/> names the shape.</summary>
[GenerateSerializer, Alias("pa.QuarantineLogState")]
public sealed class QuarantineLogState
{
    public const int CurrentVersion = 1;

    [Id(0)] public int Version { get; set; } = CurrentVersion;

    [Id(1)] public List<QuarantinedFile> Files { get; init; } = [];
}
