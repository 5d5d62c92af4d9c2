namespace PinpointAggregator.Host.Hosting;

/// <summary>Where the silo listens. Section <c>Silo</c>. Loopback only until clustering arrives.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Silo-to-silo port. Default 11111 (Orleans' default).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000 (Orleans' default).</summary>
    public int GatewayPort { get; set; } = 30000;
}
