namespace PinpointAggregator.Audit.Fold;

/// <summary>The application's event stream: the latest put (with its destination) and delete.</summary>
public sealed class EventStreamState
{
    public Change? LastPut { get; set; }

    public string? DestinationStreamArn { get; set; }

    public Change? LastDelete { get; set; }

    /// <summary>True when the latest change was a put.</summary>
    public bool Active => LastPut is not null && (LastDelete is null || LastPut.CompareTo(LastDelete) > 0);
}
