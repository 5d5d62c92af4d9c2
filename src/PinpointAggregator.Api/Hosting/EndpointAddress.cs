using System.Net;

namespace PinpointAggregator.Api.Hosting;

/// <summary>The IP address and port of an endpoint URL as the API's options spell it (<c>http://IP:port</c>, or <c>localhost</c>).</summary>
internal static class EndpointAddress
{
    /// <returns>False when the URL is not absolute or names a host that is neither an IP address nor <c>localhost</c>.</returns>
    public static bool TryParse(string url, out IPAddress address, out int port)
    {
        (address, port) = (IPAddress.None, 0);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.Host is "localhost")
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out address!))
        {
            address = IPAddress.None;
            return false;
        }

        port = uri.Port;
        return true;
    }
}
