using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.Services;
using PinpointAggregator.Api.Telemetry;

namespace PinpointAggregator.Api.Hosting;

/// <summary>Adds the gRPC front end to the silo's web host: Kestrel endpoint (TLS, keepalive), security, services, reflection, health.</summary>
public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddPinpointApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ApiOptions.SectionName);
        builder.Services.AddOptions<ApiOptions>().Bind(section).ValidateOnStart();
        var options = section.Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiEndpointValidator>();
        builder.Services.AddTransient<IConfigureOptions<KestrelServerOptions>, ApiKestrelSetup>();

        // Before AddGrpc, so the caller gate is the first interceptor of every call.
        builder.Services.AddPinpointApiSecurity(options);
        builder.Services.AddGrpc();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<SiloHealthCheck>("silo");
        builder.Services.AddPinpointRpcMetrics();
        builder.AddPinpointHttpJson(options);
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
        endpoints.MapGrpcService<IntegrityApi>();
        endpoints.MapGrpcReflectionService();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapPinpointOpenApi();
        return endpoints;
    }
}
