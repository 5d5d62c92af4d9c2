namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>One campaign, segment or import job: created, last updated, deleted, and its version.</summary>
[GenerateSerializer, Alias("pa.ResourceAudit")]
public sealed class ResourceAudit
{
    /// <summary>The earliest successful create.</summary>
    [Id(0)] public Change? Created { get; set; }

    /// <summary>The latest successful update.</summary>
    [Id(1)] public Change? LastUpdate { get; set; }

    [Id(2)] public Change? Deleted { get; set; }

    [Id(3)] public long Updates { get; set; }

    /// <summary>The highest version Pinpoint returned, where it returns one.</summary>
    [Id(4)] public int? Version { get; set; }
}
