namespace PinpointAggregator.Host.Hosting;

/// <summary>Where the silo keeps grain state, membership and reminders. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// <see cref="StorageProviders.Memory"/> (default: one silo, in-memory state, localhost clustering) or
    /// <see cref="StorageProviders.PostgreSql"/> (a durable cluster; connection string in
    /// <c>ConnectionStrings:PinpointAggregator</c>).
    /// </summary>
    public string Provider { get; set; } = StorageProviders.Memory;

    /// <summary>With PostgreSql: apply pending schema migrations before the silo starts. Default false.</summary>
    public bool MigrateOnStart { get; set; }
}
