using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace PinpointAggregator.Api.Hosting;

/// <summary>Where an endpoint of the front end listens (<c>Api:Url</c>, <c>Api:HttpUrl</c>): an IP address (or <c>localhost</c>), a port (80 or 443 when none is given), and TLS or not.</summary>
internal sealed record ApiEndpoint(IPAddress Address, int Port, bool Tls)
{
    /// <summary>Only this machine can connect: the embedded default's relaxed rules (plain HTTP/2, a generated key) apply.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public static bool TryParse(string? url, [NotNullWhen(true)] out ApiEndpoint? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"{ApiOptions.SectionName}:Url must be an absolute http:// or https:// URL such as {ApiOptions.DefaultUrl}; got '{url}'.";
            return false;
        }

        IPAddress? address = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback : null;
        if (address is null && !IPAddress.TryParse(uri.DnsSafeHost, out address))
        {
            problem = $"{ApiOptions.SectionName}:Url must name an IP address (such as 127.0.0.1 or 0.0.0.0) or localhost; got '{uri.Host}'.";
            return false;
        }

        endpoint = new ApiEndpoint(address, uri.Port, uri.Scheme == Uri.UriSchemeHttps);
        problem = null;
        return true;
    }
}
