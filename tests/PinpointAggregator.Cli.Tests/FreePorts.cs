using System.Net;
using System.Net.Sockets;

namespace PinpointAggregator.Cli.Tests;

/// <summary>Loopback ports free at the moment of asking.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
