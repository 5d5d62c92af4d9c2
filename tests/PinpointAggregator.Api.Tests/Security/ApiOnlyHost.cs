using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PinpointAggregator.Api.Hosting;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// The API's hosting and security without a silo: for start-up validation and for authentication set-ups
/// that need no data (calls go to <see cref="StubOperationsService"/> and <see cref="StubEventService"/>).
/// Plain HTTP/2 on a free loopback port unless the settings name another <c>Api:Url</c>.
/// </summary>
internal sealed class ApiOnlyHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiOnlyHost(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The host built from these settings (plus a free loopback <c>Api:Url</c> unless they name one), not started.</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:Url"] = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}",
            ["Api:HttpUrl"] = string.Empty, // off: the JSON endpoint is not what these hosts test
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPinpointApi();
        var app = builder.Build();
        app.MapGrpcService<StubOperationsService>();
        app.MapGrpcService<StubEventService>();
        return app;
    }

    public static async Task<ApiOnlyHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = Build(settings);
        await app.StartAsync();
        return new ApiOnlyHost(app, new Uri(app.Configuration["Api:Url"]!));
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(Address);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static int FreePort()
    => PinpointAggregator.Testing.TestPorts.Next();
}
