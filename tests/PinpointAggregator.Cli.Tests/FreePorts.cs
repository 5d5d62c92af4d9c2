using System.Net;
using System.Net.Sockets;

namespace PinpointAggregator.Cli.Tests;

/// <summary>Loopback ports free at the moment of asking.</summary>
internal static class FreePorts
{
    public static int Next()
    => PinpointAggregator.Testing.TestPorts.Next();
}
