namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// A file the reconcile found that landed later than <c>Ingestion:ReconcileHorizon</c> behind the newest key:
/// reported, never read (the keys done that long ago are forgotten, so reading it could read it twice).
/// An operator can read it with a re-read of its time.
/// </summary>
/// <param name="Key">The S3 key.</param>
/// <param name="NameTime">The time in its name.</param>
/// <param name="Late">How far behind the newest key its name-time was when it was found.</param>
/// <param name="FoundAt">When the reconcile found it.</param>
[GenerateSerializer, Immutable, Alias("pa.MissedFile")]
public sealed record MissedFile(
    [property: Id(0)] string Key,
    [property: Id(1)] DateTime NameTime,
    [property: Id(2)] TimeSpan Late,
    [property: Id(3)] DateTime FoundAt);
