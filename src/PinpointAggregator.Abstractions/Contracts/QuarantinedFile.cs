namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>A trail file that could not be read, set aside with its reason; the prefix moved on.</summary>
[GenerateSerializer, Immutable, Alias("pa.QuarantinedFile")]
public sealed record QuarantinedFile(
    [property: Id(0)] string Key,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTime At,
    [property: Id(4)] long RecordsReadBeforeError);
