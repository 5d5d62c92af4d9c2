namespace PinpointAggregator.Host.Hosting;

/// <summary>Where the silo listens. Section <c>Silo</c>.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Silo-to-silo port. Default 11111 (Orleans' default).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000 (Orleans' default).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP address this silo publishes in the membership table and listens on, with PostgreSQL clustering.
    /// Default 127.0.0.1 (a cluster on one machine); set the host's own address for a cluster across machines.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
