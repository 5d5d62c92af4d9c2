using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Security;

namespace PinpointAggregator.Api.Hosting;

/// <summary>
/// Kestrel's endpoint for the front end, from validated <see cref="ApiOptions"/>: the address and port,
/// TLS with the configured certificate or plain HTTP/2, and keepalive pings for long streams.
/// </summary>
internal sealed class ApiKestrelSetup(IOptions<ApiOptions> options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var api = options.Value;
        if (!ApiEndpoint.TryParse(api.Url, out var endpoint, out var problem))
        {
            // Unreachable after validation; kept so a bad URL can never bind something unexpected.
            throw new InvalidOperationException(problem);
        }

        kestrel.Limits.Http2.KeepAlivePingDelay = api.KeepAlive.PingInterval;
        kestrel.Limits.Http2.KeepAlivePingTimeout = api.KeepAlive.PingTimeout;
        kestrel.Listen(endpoint.Address, endpoint.Port, listen =>
        {
            if (endpoint.Tls)
            {
                // ALPN picks HTTP/2 for gRPC clients; HTTP/1.1 stays open for JSON clients such as curl and browsers.
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(ServerCertificate.Load(api.Tls));
            }
            else
            {
                // Plain HTTP/2 (h2c) needs an HTTP/2-only endpoint: clients speak it with prior knowledge.
                listen.Protocols = HttpProtocols.Http2;
            }
        });
    }
}
