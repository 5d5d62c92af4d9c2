namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>One channel type of an application (SMS, email, APNs, ...).</summary>
[GenerateSerializer, Immutable, Alias("pa.ChannelAudit")]
public sealed record ChannelAudit
{
    /// <summary>As the latest successful update that stated it, or delete, left it; null when no call said.</summary>
    [Id(0)] public bool? Enabled { get; init; }

    /// <summary>The latest successful update or delete.</summary>
    [Id(1)] public Change? LastChange { get; init; }

    [Id(2)] public Change? Deleted { get; init; }

    [Id(3)] public long Changes { get; init; }

    /// <summary>The change that set <see cref="Enabled"/>.</summary>
    [Id(4)] public Change? EnabledBy { get; init; }
}
