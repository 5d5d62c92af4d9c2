namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>The application's event stream: the latest put (with its destination) and delete.</summary>
[GenerateSerializer, Alias("pa.EventStreamAudit")]
public sealed class EventStreamAudit
{
    [Id(0)] public Change? LastPut { get; set; }

    [Id(1)] public string? DestinationStreamArn { get; set; }

    [Id(2)] public Change? LastDelete { get; set; }

    /// <summary>True when the latest change was a put.</summary>
    public bool Active => LastPut is not null && (LastDelete is null || LastPut.CompareTo(LastDelete) > 0);
}
