namespace PinpointAggregator.Audit.Fold;

/// <summary>What applying one event did.</summary>
public enum ApplyOutcome
{
    /// <summary>The event's id was seen before and the new delivery does not supersede it.</summary>
    Duplicate,

    /// <summary>First time this id was seen.</summary>
    New,

    /// <summary>An addendum (or a later version) replaced the event counted under the same id.</summary>
    Replaced,
}
