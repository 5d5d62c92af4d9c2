namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>One campaign, segment or import job: created, last updated, deleted, and its version.</summary>
[GenerateSerializer, Immutable, Alias("pa.ResourceAudit")]
public sealed record ResourceAudit
{
    /// <summary>The earliest successful create.</summary>
    [Id(0)] public Change? Created { get; init; }

    /// <summary>The latest successful update.</summary>
    [Id(1)] public Change? LastUpdate { get; init; }

    [Id(2)] public Change? Deleted { get; init; }

    [Id(3)] public long Updates { get; init; }

    /// <summary>The highest version Pinpoint returned, where it returns one.</summary>
    [Id(4)] public int? Version { get; init; }
}
