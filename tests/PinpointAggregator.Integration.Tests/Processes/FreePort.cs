using System.Net;
using System.Net.Sockets;

namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>A loopback port nobody listens on right now, so tests running in parallel never share one.</summary>
internal static class FreePort
{
    public static int Next()
    => PinpointAggregator.Testing.TestPorts.Next();
}
