using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using PinpointAggregator.Api.Hosting;

namespace PinpointAggregator.Api.Tests.Ecosystem;

/// <summary>grpc.health.v1 follows the silo: serving only while it is an active member of the cluster.</summary>
[Collection(SharedService.Name)]
public sealed class SiloHealthCheckTests(ServiceFixture service)
{
    [Theory]
    [InlineData(SiloStatus.Created)]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    [InlineData(SiloStatus.Dead)]
    public void NotActive_IsUnhealthy(SiloStatus status) =>
        Assert.Equal(HealthStatus.Unhealthy, SiloHealthCheck.Of(status).Status);

    [Fact]
    public void Active_IsHealthy() => Assert.Equal(HealthStatus.Healthy, SiloHealthCheck.Of(SiloStatus.Active).Status);

    [Fact]
    public async Task TheRunningService_IsServing()
    {
        var health = new Health.HealthClient(service.Channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }
}
