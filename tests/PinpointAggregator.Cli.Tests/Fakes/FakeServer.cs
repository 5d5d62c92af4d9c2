using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PinpointAggregator.Cli.Tests.Fakes;

/// <summary>
/// A real gRPC server on a loopback port serving scripted services, for what the sample service cannot be
/// made to do on cue: drop a watch mid-stream, check the authorization header, speak TLS with a private CA.
/// </summary>
internal sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    /// <param name="services">The fakes to serve (each of <see cref="FakeEvents"/>, <see cref="FakeApplications"/> and <see cref="FakeOrganization"/> at most once), so the test sees what they saw.</param>
    /// <param name="certificate">With a certificate (and its private key) the server speaks TLS.</param>
    public static async Task<FakeServer> StartAsync(IEnumerable<object> services, X509Certificate2? certificate = null)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Services.AddGrpc();
        var list = services.ToList();
        foreach (var service in list)
        {
            builder.Services.AddSingleton(service.GetType(), service);
        }

        var app = builder.Build();
        foreach (var service in list)
        {
            _ = service switch
            {
                FakeEvents => app.MapGrpcService<FakeEvents>(),
                FakeApplications => app.MapGrpcService<FakeApplications>(),
                FakeOrganization => app.MapGrpcService<FakeOrganization>(),
                _ => throw new ArgumentException($"no fake named {service.GetType().Name}", nameof(services)),
            };
        }

        await app.StartAsync();
        return new FakeServer(app, $"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
