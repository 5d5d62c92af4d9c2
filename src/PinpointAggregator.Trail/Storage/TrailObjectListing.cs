namespace PinpointAggregator.Trail.Storage;

/// <summary>One page of a listing. <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TrailObjectListing(IReadOnlyList<string> Keys, IReadOnlyList<string> CommonPrefixes, string? ContinuationToken)
{
    public static TrailObjectListing Empty { get; } = new([], [], null);
}
