using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Host.Tests;

/// <summary>
/// A start that fails because grain storage is not reachable yet is logged, retried with backoff, and
/// ingestion starts once storage answers; the host keeps running throughout.
/// </summary>
public sealed class IngestionStarterTests : IDisposable
{
    private const int StartedEvent = 110;
    private const int StartFailedEvent = 111;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-starter-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstStartsFail_AreLoggedAndRetried_UntilIngestionStarts_AndTheHostKeepsRunning(bool failReads)
    {
        var logs = new RecordingLoggerProvider();
        var storage = new FlakyGrainStorage("organization", failReads, failures: 2);
        using var host = Build(logs, storage);

        await host.StartAsync();
        try
        {
            await UntilAsync(() => Task.FromResult(logs.Records.Any(r => r.EventId == StartedEvent)), "the start was logged");
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await UntilAsync(async () => (await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync()).LastDiscoveryAt is not null, "discovery ran");

            var failures = logs.Records.Where(r => r.EventId == StartFailedEvent).ToList();
            Assert.Equal(2, storage.Failed);
            Assert.Equal(2, failures.Count);
            Assert.All(failures, f => Assert.Equal((LogLevel.Error, true), (f.Level, f.Exception is not null)));
            Assert.StartsWith("Starting ingestion failed (attempt 1, ", failures[0].Message, StringComparison.Ordinal);
            Assert.StartsWith("Starting ingestion failed (attempt 2, ", failures[1].Message, StringComparison.Ordinal);
            Assert.Equal("Ingestion started (attempt 3)", logs.Records.Single(r => r.EventId == StartedEvent).Message);
            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the host is stopping");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IHost Build(RecordingLoggerProvider logs, FlakyGrainStorage storage)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // An empty local bucket: nothing to generate, nothing to read; only the start matters here.
            ["Ingestion:Buckets:0:Name"] = "empty-trail",
            ["Ingestion:Buckets:0:LocalPath"] = _folder,
            ["Ingestion:RetryBaseDelay"] = "00:00:00.050",
            ["Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(new SummaryOutput(null));
        builder.AddPinpointSilo();
        builder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Audit, storage);
        return builder.Build();
    }

    /// <summary>Polls a condition until it holds or the deadline passes; a probe that throws counts as not yet.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && clock.Elapsed < Deadline)
            {
                // Storage is still failing for this probe too; try again.
            }

            Assert.True(clock.Elapsed < Deadline, $"Timed out after {Deadline.TotalSeconds:0} s waiting until {what}.");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    => PinpointAggregator.Testing.TestPorts.Next();
}
