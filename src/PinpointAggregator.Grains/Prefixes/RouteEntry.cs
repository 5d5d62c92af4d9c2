namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Where the delivery that currently wins for one deduplication id was routed, and its identity, so a later
/// delivery of the same event that resolves elsewhere (an addendum that names the application its original
/// did not) takes the original's contribution back from where it was counted.
/// </summary>
/// <param name="Target">The application id, or null for the account-level grain.</param>
/// <param name="EventId">The winning delivery's own event id.</param>
/// <param name="At">Its event time.</param>
/// <param name="IsAddendum">Whether it is an addendum.</param>
/// <param name="KeyStamp">The name-time of the file it came in; the entry is forgotten with the window.</param>
[GenerateSerializer, Immutable, Alias("pa.RouteEntry")]
public sealed record RouteEntry(
    [property: Id(0)] string? Target,
    [property: Id(1)] string EventId,
    [property: Id(2)] DateTime At,
    [property: Id(3)] bool IsAddendum,
    [property: Id(4)] DateTime KeyStamp);
