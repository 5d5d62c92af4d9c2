namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// A key whose name-time was further ahead of the clock than the allowed skew when it was listed: read like
/// any other file, but it never moves the prefix's late-arrival window (it would blind the prefix).
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.FutureDatedKey")]
public sealed record FutureDatedKey(
    [property: Id(0)] string Key,
    [property: Id(1)] DateTime NameTime,
    [property: Id(2)] DateTime SeenAt);
