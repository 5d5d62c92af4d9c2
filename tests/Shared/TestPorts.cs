using System.Net;
using System.Net.Sockets;

namespace PinpointAggregator.Testing;

/// <summary>
/// Loopback ports for the test hosts (silos, gRPC, HTTP). Taken below the kernel's ephemeral range
/// (32768-60999 on Linux) so that no outgoing connection of a parallel test (Npgsql, HTTP clients) can take
/// a port between the probe and the bind, which a port the OS picked as "free" (port 0) allows; never the
/// same port twice in one process.
/// </summary>
internal static class TestPorts
{
    private const int First = 20000;
    private const int Last = 32700;
    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
