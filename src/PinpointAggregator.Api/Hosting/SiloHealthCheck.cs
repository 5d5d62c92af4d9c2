using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace PinpointAggregator.Api.Hosting;

/// <summary>
/// Healthy while this process's silo is an active member of its cluster: before it has joined, and once it is
/// shutting down, its grains cannot answer, so <c>grpc.health.v1</c> says NOT_SERVING and a readiness probe
/// takes the pod out of the Service.
/// </summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Of(silo.CurrentStatus));

    public static HealthCheckResult Of(SiloStatus status) =>
        status == SiloStatus.Active ? HealthCheckResult.Healthy("The silo is active.") : HealthCheckResult.Unhealthy($"The silo is {status}, not active.");
}
