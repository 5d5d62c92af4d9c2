namespace PinpointAggregator.Trail.Storage;

/// <summary>A <c>ListObjectsV2</c> request: keys under <paramref name="Prefix"/> that sort after
/// <paramref name="StartAfter"/>, grouped at <paramref name="Delimiter"/> when one is given.</summary>
public sealed record TrailListRequest(string Prefix, string? StartAfter = null, string? Delimiter = null, string? ContinuationToken = null);
