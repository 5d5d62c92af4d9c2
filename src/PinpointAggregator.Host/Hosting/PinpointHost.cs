using Microsoft.Extensions.Hosting;

namespace PinpointAggregator.Host.Hosting;

/// <summary>Creates the host builder the executable runs.</summary>
public static class PinpointHost
{
    /// <summary>
    /// The content root is the binary's folder, where appsettings.json is copied: <c>dotnet run --project</c>
    /// would otherwise look for it in the caller's working folder and silently run without it.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] args) =>
        Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
