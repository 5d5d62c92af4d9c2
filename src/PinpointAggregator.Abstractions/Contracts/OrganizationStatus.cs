namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>What organization discovery found: accounts, when it last listed, and what failed.</summary>
[GenerateSerializer, Alias("pa.OrganizationStatus")]
public sealed class OrganizationStatus
{
    [Id(0)] public List<string> Accounts { get; init; } = [];

    [Id(1)] public DateTime? LastDiscoveryAt { get; set; }

    [Id(2)] public string? LastError { get; set; }

    [Id(3)] public List<string> ExcludedAccounts { get; init; } = [];
}
