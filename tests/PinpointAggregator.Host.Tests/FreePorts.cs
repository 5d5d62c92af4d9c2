using System.Net;
using System.Net.Sockets;

namespace PinpointAggregator.Host.Tests;

internal static class FreePorts
{
    /// <summary>A loopback port nothing listens on right now (the OS picks it), so parallel tests never collide.</summary>
    public static int Next()
    => PinpointAggregator.Testing.TestPorts.Next();
}
