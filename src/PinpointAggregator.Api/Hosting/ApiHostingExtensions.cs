using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.Services;

namespace PinpointAggregator.Api.Hosting;

/// <summary>Adds the gRPC front end to the silo's web host: Kestrel endpoint, services, reflection, health.</summary>
public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddPinpointApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ApiOptions.SectionName);
        builder.Services.AddOptions<ApiOptions>().Bind(section).ValidateOnStart();
        var options = section.Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, options));

        builder.Services.AddGrpc();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck("silo", () => HealthCheckResult.Healthy());
        builder.Services.TryAddSingleton<ICallerAccessResolver, UnrestrictedAccessResolver>();
        builder.Services.AddPinpointApiServices();
        return builder;
    }

    public static IEndpointRouteBuilder MapPinpointApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<OrganizationApi>();
        endpoints.MapGrpcService<ApplicationApi>();
        endpoints.MapGrpcService<EventApi>();
        endpoints.MapGrpcService<OperationsApi>();
        endpoints.MapGrpcReflectionService();
        endpoints.MapGrpcHealthChecksService();
        return endpoints;
    }

    private static void Listen(KestrelServerOptions kestrel, ApiOptions options)
    {
        var url = new Uri(options.Url);
        var address = url.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(url.Host);
        // Plain HTTP/2 (h2c) needs an HTTP/2-only endpoint: clients speak it with prior knowledge.
        kestrel.Listen(address, url.Port, listen => listen.Protocols = HttpProtocols.Http2);
    }
}
