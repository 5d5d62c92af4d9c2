using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using PinpointAggregator.Aws;
using PinpointAggregator.Grains;

namespace PinpointAggregator.Host.Hosting;

/// <summary>Composes the silo: ingestion grains, trail stores, storage and clustering, and the embedded default.</summary>
public static class SiloHostingExtensions
{
    public static IHostApplicationBuilder AddPinpointSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = StorageSelection.Read(builder.Configuration);
        var embedded = EmbeddedDefault.ApplyIfUnconfigured(builder.Configuration);

        // Standard output carries results (the first-pass summary); logs go to standard error.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPinpointIngestion(builder.Configuration).AddTrailStores(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            var ports = storage.Silo;
            if (storage.PostgreSql is null)
            {
                // One silo on loopback with in-memory storage: the embedded default.
                silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort);
            }
            else
            {
                silo.Configure<ClusterOptions>(ids => (ids.ClusterId, ids.ServiceId) = (storage.Cluster.ClusterId, storage.Cluster.ServiceId));
                silo.ConfigureEndpoints(IPAddress.Parse(ports.AdvertisedAddress), ports.SiloPort, ports.GatewayPort);
            }

            silo.UsePinpointStorage(storage);
        });
        builder.AddPinpointDashboard();

        // The STS session name carries the silo's name (see RoleOptions.SessionName) unless one is configured.
        builder.Services.AddOptions<AwsOptions>().PostConfigure<ILocalSiloDetails>((aws, silo) => aws.Roles.SiloName ??= silo.Name);
        builder.Services.AddHostedService<IngestionStarter>();
        builder.Services.AddHostedService<FirstPassReporter>();
        builder.Services.TryAddSingleton(new SummaryOutput(embedded ? Console.Out : null));

        return builder;
    }
}
