namespace PinpointAggregator.Audit.Fold;

/// <summary>One campaign, segment or import job: created, last updated, deleted, and its version.</summary>
public sealed class ResourceState
{
    /// <summary>The earliest successful create.</summary>
    public Change? Created { get; set; }

    /// <summary>The latest successful update.</summary>
    public Change? LastUpdate { get; set; }

    public Change? Deleted { get; set; }

    public long Updates { get; set; }

    /// <summary>The highest version Pinpoint returned, where it returns one.</summary>
    public int? Version { get; set; }
}
