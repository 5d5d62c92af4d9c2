namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>The application's event stream: the latest put (with its destination) and delete.</summary>
[GenerateSerializer, Immutable, Alias("pa.EventStreamAudit")]
public sealed record EventStreamAudit
{
    [Id(0)] public Change? LastPut { get; init; }

    [Id(1)] public string? DestinationStreamArn { get; init; }

    [Id(2)] public Change? LastDelete { get; init; }

    /// <summary>True when the latest change was a put.</summary>
    [Id(3)] public bool Active { get; init; }
}
