namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>The event store's settings. Section <c>EventStore</c>.</summary>
public sealed class EventStoreOptions
{
    public const string SectionName = "EventStore";

    /// <summary>
    /// How long events are kept: whole months whose events are all older than this are dropped. Default:
    /// unset, keep everything.
    /// </summary>
    public TimeSpan? Retention { get; set; }

    /// <summary>How often the retention is applied. Default: 1 hour.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
