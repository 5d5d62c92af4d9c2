namespace PinpointAggregator.Audit.Fold;

/// <summary>One channel type of an application (SMS, email, APNs, ...).</summary>
public sealed class ChannelState
{
    /// <summary>As the latest successful update that stated it, or delete, left it; null when no call said.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The latest successful update or delete.</summary>
    public Change? LastChange { get; set; }

    public Change? Deleted { get; set; }

    public long Changes { get; set; }

    /// <summary>The change that set <see cref="Enabled"/>.</summary>
    public Change? EnabledBy { get; set; }
}
