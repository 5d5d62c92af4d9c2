namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// A file that could not be read yet (transient store errors, a denied read, a skewed clock), retried with
/// backoff. <see cref="Stuck"/>: failing for longer than <c>Ingestion:StuckFileAfter</c>, so alerted.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.RetryingFile")]
public sealed record RetryingFile(
    [property: Id(0)] string Key,
    [property: Id(1)] int Attempts,
    [property: Id(2)] DateTime FirstFailedAt,
    [property: Id(3)] DateTime NextAttemptAt,
    [property: Id(4)] string LastError,
    [property: Id(5)] bool Stuck);
