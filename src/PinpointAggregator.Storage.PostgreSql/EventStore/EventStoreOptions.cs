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

    /// <summary>
    /// Connections the audit store opens at most per silo (its own pool, beside the Orleans providers').
    /// Grains beyond it wait for a connection rather than exhaust the server's <c>max_connections</c>. Default 16.
    /// </summary>
    public int MaxConnections { get; set; } = 16;

    /// <summary>How often the retention is applied. Default: 1 hour.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
