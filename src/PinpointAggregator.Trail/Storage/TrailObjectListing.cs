namespace PinpointAggregator.Trail.Storage;

/// <summary>One page of a listing. <see cref="ContinuationToken"/> is null on the last page.</summary>
/// <param name="Objects">The objects directly on this page (not under a common prefix), in key order.</param>
/// <param name="CommonPrefixes">With a delimiter: the groups of deeper keys, each listed once.</param>
/// <param name="ContinuationToken">Where the next page starts; null on the last page.</param>
public sealed record TrailObjectListing(IReadOnlyList<TrailObject> Objects, IReadOnlyList<string> CommonPrefixes, string? ContinuationToken)
{
    public static TrailObjectListing Empty { get; } = new([], [], null);
}
