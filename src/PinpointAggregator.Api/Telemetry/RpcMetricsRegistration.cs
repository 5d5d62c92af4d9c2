using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PinpointAggregator.Api.Telemetry;

/// <summary>Registers <see cref="RpcMetrics"/> and the interceptor that feeds it, on every gRPC service.</summary>
public static class RpcMetricsRegistration
{
    public static IServiceCollection AddPinpointRpcMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RpcMetrics>();
        services.TryAddSingleton<RpcMetricsInterceptor>();
        services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<RpcMetricsInterceptor>());
        return services;
    }
}
