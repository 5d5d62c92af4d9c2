using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Benchmarks;

/// <summary>One in-process silo reading a local folder as its bucket, with timers slow enough not to interfere.</summary>
internal sealed class BenchmarkSilo(IHost host) : IAsyncDisposable
{
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IOrganizationGrain Organization => Grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey);

    public static async Task<BenchmarkSilo> StartAsync(string folder)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingestion:Buckets:0:Name"] = "benchmark",
            ["Ingestion:Buckets:0:LocalPath"] = folder,
            ["Ingestion:StartFrom"] = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            ["Ingestion:PollInterval"] = "00:10:00",
            ["Ingestion:MaxPollInterval"] = "00:10:00",
            ["Ingestion:DiscoveryInterval"] = "00:10:00",
        });
        builder.Services.AddPinpointIngestion(builder.Configuration).AddTrailStores(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: 11311, gatewayPort: 30311)
            .AddMemoryGrainStorage(StorageNames.Audit, memory => memory.GrainStorageSerializer = new GrainStateJsonSerializer())
            .UseInMemoryReminderService());
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host);
    }

    public async Task<PrefixStatus[]> WaitUntilCaughtUpAsync(int files)
    {
        while (true)
        {
            var prefixes = await PrefixesAsync();
            if (prefixes.Length > 0 && prefixes.All(p => p.CaughtUp) && prefixes.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined) >= files)
            {
                return prefixes;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Polls each prefix and returns the LIST and GET requests those polls made.</summary>
    public async Task<(long Lists, long Gets)> MeasurePollsAsync(IReadOnlyList<PrefixStatus> prefixes, int polls)
    {
        long lists = 0, gets = 0;
        foreach (var prefix in prefixes)
        {
            var grain = Grains.GetGrain<ITrailPrefixGrain>(prefix.Key);
            var before = (await grain.GetStatusAsync()).Counters.Requests;
            for (var i = 0; i < polls; i++)
            {
                await grain.PollNowAsync();
            }

            var after = (await grain.GetStatusAsync()).Counters.Requests;
            lists += after.GetValueOrDefault(RequestKinds.List) - before.GetValueOrDefault(RequestKinds.List);
            gets += after.GetValueOrDefault(RequestKinds.Get) - before.GetValueOrDefault(RequestKinds.Get);
        }

        return (lists, gets);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private async Task<PrefixStatus[]> PrefixesAsync() => [.. (await OrganizationSnapshot.TakeAsync(Grains)).Prefixes];
}
