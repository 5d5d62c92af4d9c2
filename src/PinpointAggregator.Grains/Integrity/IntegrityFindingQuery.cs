namespace PinpointAggregator.Grains.Integrity;

/// <summary>Which findings to list; every filter is optional (null: any).</summary>
/// <param name="Accounts">Only these accounts (the caller's scope); null for all.</param>
/// <param name="Region">Only this region.</param>
/// <param name="Kinds">Only these kind names.</param>
/// <param name="ViolationsOnly">Leave out gaps and unverifiable signatures.</param>
/// <param name="FoundFrom">Found at or after this time (UTC).</param>
/// <param name="FoundUntil">Found before this time (UTC).</param>
public sealed record IntegrityFindingQuery(
    IReadOnlyCollection<string>? Accounts = null,
    string? Region = null,
    IReadOnlyCollection<string>? Kinds = null,
    bool ViolationsOnly = false,
    DateTime? FoundFrom = null,
    DateTime? FoundUntil = null);
