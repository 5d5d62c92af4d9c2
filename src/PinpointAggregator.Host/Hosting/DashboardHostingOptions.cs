using System.Net;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// Where the Orleans dashboard listens. Section <c>Dashboard</c>. Off by default, and on loopback unless an
/// address is configured: it shows grain state and live logs and has no authentication of its own.
/// </summary>
public sealed class DashboardHostingOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Serve the dashboard. Default false: nothing listens.</summary>
    public bool Enabled { get; set; }

    /// <summary>The IP address to listen on. Default 127.0.0.1; <c>0.0.0.0</c> in a container behind a port-forward.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The HTTP port. Default 8080.</summary>
    public int Port { get; set; } = 8080;

    /// <returns>Null when valid, else why not (naming the option).</returns>
    public string? Validate()
    {
        if (!IPAddress.TryParse(Host, out _))
        {
            return $"{SectionName}:Host must be an IP address (such as 127.0.0.1 or 0.0.0.0), not '{Host}'.";
        }

        return Port is < 1 or > 65535 ? $"{SectionName}:Port must be between 1 and 65535, not {Port}." : null;
    }
}
