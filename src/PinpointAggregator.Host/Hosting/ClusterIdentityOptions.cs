namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// Which cluster a silo joins (section <c>Cluster</c>), with PostgreSQL clustering. Silos with the same
/// <see cref="ClusterId"/> form one cluster; grain state and reminders belong to the <see cref="ServiceId"/>,
/// so a new cluster (a blue/green deployment) with the same service id keeps the audit.
/// </summary>
public sealed class ClusterIdentityOptions
{
    public const string SectionName = "Cluster";

    public string ClusterId { get; set; } = "pinpoint";

    public string ServiceId { get; set; } = "pinpoint-aggregator";
}
