using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using PinpointAggregator.Abstractions;
using PinpointAggregator.Storage.PostgreSql.Hosting;

namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>An Orleans client of a cluster of silo processes: it finds their gateways in the PostgreSQL membership table, as any client of the service does.</summary>
internal sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host)
    {
        _host = host;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterClient> ConnectAsync(string connectionString, string clusterId, string serviceId)
    {
        // No default configuration sources or loggers: nothing from the test's environment changes the client.
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(ids => (ids.ClusterId, ids.ServiceId) = (clusterId, serviceId));
            client.UsePostgreSqlClustering(connectionString);
            client.Services.AddPinpointSerialization();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
