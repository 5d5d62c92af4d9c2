namespace PinpointAggregator.Grains.Organization;

/// <summary>Persisted state of organization discovery.</summary>
[GenerateSerializer, Alias("pa.OrganizationState")]
public sealed class OrganizationState
{
    public const int CurrentVersion = 1;

    [Id(0)] public int Version { get; set; } = CurrentVersion;

    [Id(1)] public bool Started { get; set; }

    [Id(2)] public HashSet<string> Accounts { get; init; } = new(StringComparer.Ordinal);

    [Id(3)] public DateTime? LastDiscoveryAt { get; set; }

    [Id(4)] public string? LastError { get; set; }

    /// <summary>When discovery first started: the backfill start when <c>Ingestion:StartFrom</c> is not set.</summary>
    [Id(5)] public DateTime StartedAt { get; set; }
}
