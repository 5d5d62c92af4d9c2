using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// Serves the Orleans dashboard on its own small Kestrel server, started after the silo.
/// </summary>
/// <remarks>
/// The silo is a generic host, not a web application, so it has no HTTP pipeline to map the dashboard into;
/// making the whole host a web application would open a port even with the dashboard off. The dashboard's
/// endpoints resolve their services (registered by <c>AddDashboard</c>, all singletons) from the silo's
/// container: they are mapped through a route builder that hands out the silo's provider, and each request
/// runs with the silo's provider as its services.
/// </remarks>
internal sealed partial class DashboardServer(IServiceProvider silo, DashboardHostingOptions options, ILogger<DashboardServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _web;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // An empty builder: no configuration sources, so ASPNETCORE_URLS and the like cannot move the port.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Host), options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(silo.GetRequiredService<ILoggerFactory>());
        var web = builder.Build();
        web.Use((context, next) =>
        {
            context.RequestServices = silo;
            return next(context);
        });
        new SiloEndpoints(web, silo).MapOrleansDashboard();
        await web.StartAsync(cancellationToken);
        _web = web;
        LogListening(logger, options.Host, options.Port);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _web?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _web?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(120, LogLevel.Information, "Orleans dashboard on http://{Host}:{Port}/")]
    private static partial void LogListening(ILogger logger, string host, int port);

    /// <summary>The web application's endpoint list, with the silo's services for building the endpoints.</summary>
    private sealed class SiloEndpoints(IEndpointRouteBuilder web, IServiceProvider silo) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => silo;

        public ICollection<EndpointDataSource> DataSources => web.DataSources;

        public IApplicationBuilder CreateApplicationBuilder() => web.CreateApplicationBuilder();
    }
}
