namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>What organization discovery found: accounts, when it last listed, and what failed.</summary>
[GenerateSerializer, Immutable, Alias("pa.OrganizationStatus")]
public sealed record OrganizationStatus
{
    [Id(0)] public IReadOnlyList<string> Accounts { get; init; } = [];

    [Id(1)] public DateTime? LastDiscoveryAt { get; init; }

    [Id(2)] public string? LastError { get; init; }

    [Id(3)] public IReadOnlyList<string> ExcludedAccounts { get; init; } = [];
}
