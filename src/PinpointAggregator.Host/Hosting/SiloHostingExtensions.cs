using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using PinpointAggregator.Aws;
using PinpointAggregator.Grains;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Host.Hosting;

/// <summary>Composes the silo: ingestion grains, trail stores, storage, and the embedded default.</summary>
public static class SiloHostingExtensions
{
    public static IHostApplicationBuilder AddPinpointSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var embedded = EmbeddedDefault.ApplyIfUnconfigured(builder.Configuration);

        // Standard output carries results (the first-pass summary); logs go to standard error.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPinpointIngestion(builder.Configuration).AddTrailStores(builder.Configuration);
        var ports = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        builder.UseOrleans(silo =>
        {
            // One silo on loopback with in-memory storage: the embedded default. Clustering on PostgreSQL
            // and persistent storage arrive with the storage and clustering issues.
            silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort);
            silo.AddMemoryGrainStorage(StorageNames.Audit, memory => memory.GrainStorageSerializer = new GrainStateJsonSerializer());
            silo.UseInMemoryReminderService();
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
