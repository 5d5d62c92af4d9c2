using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// One application's line in the directory: what lists, filters and the organization summary need, written
/// with the application's audit state in the same commit (so the directory is never behind the state).
/// </summary>
public sealed record ApplicationListing
{
    public required string Account { get; init; }

    public required string Region { get; init; }

    public required string ApplicationId { get; init; }

    public string? Name { get; init; }

    public bool Deleted { get; init; }

    public Change? Created { get; init; }

    public Change? DeletedBy { get; init; }

    public DateTime? FirstEventAt { get; init; }

    public DateTime? LastEventAt { get; init; }

    public long Events { get; init; }

    public long Errors { get; init; }

    public IReadOnlyDictionary<string, long> ByAction { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> ErrorCodes { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> Callers { get; init; } = new Dictionary<string, long>();
}
