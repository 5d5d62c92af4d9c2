using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace PinpointAggregator.Host.Hosting;

/// <summary>Creates the host builders the executable runs.</summary>
/// <remarks>
/// The content root is the binary's folder, where appsettings.json is copied: <c>dotnet run --project</c>
/// would otherwise look for it in the caller's working folder and silently run without it.
/// </remarks>
public static class PinpointHost
{
    /// <summary>A plain host: commands (<c>migrate</c>) and harnesses that need no gRPC endpoint.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args) =>
        Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

    /// <summary>The service: a web host, so the silo and its gRPC front end share one process.</summary>
    public static WebApplicationBuilder CreateWebBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
