using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.SampleData;
using PinpointAggregator.Testing.Integrity;

namespace PinpointAggregator.Cli.Tests.Service;

/// <summary>
/// The service as the README's first command runs it (one silo, in-memory storage, the embedded sample
/// trail), with gRPC on a free loopback port, ready once its first pass has read every file. The CLI's
/// commands run against <see cref="Address"/>; <see cref="GroundTruth"/> is the generator's own account of the trail.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync, as xUnit's IAsyncLifetime does it
public sealed class ServiceFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan FirstPassDeadline = TimeSpan.FromMinutes(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pa-cli-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _summary = new();
    private WebApplication? _app;

    /// <summary>The gRPC address, as <c>--address</c> takes it.</summary>
    public string Address { get; private set; } = null!;

    public ScanSummary GroundTruth { get; private set; } = null!;

    /// <summary>The running service's container (its finding store, for integrity tests).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>The first pass's scan-format summary, as the embedded default prints it.</summary>
    public string PrintedSummary => _summary.ToString();

    /// <summary>
    /// The CLI's surroundings: no variables, and a configuration folder of its own, where the service writes the
    /// operator key it generates when it requires authentication, so the CLI finds it as a user's would.
    /// </summary>
    internal CliEnvironment Environment { get; } = new(_ => null, Path.Combine(Path.GetTempPath(), "pa-cli-config-" + Guid.NewGuid().ToString("N")));

    /// <summary>Runs the CLI against this service.</summary>
    internal Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(Environment, [.. args, "--address", Address]);

    public async Task InitializeAsync()
    {
        Address = $"http://127.0.0.1:{FreePorts.Next()}";
        var builder = PinpointHost.CreateWebBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EmbeddedDefault.FolderKey] = _folder,
            ["Silo:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Api:Url"] = Address,
            ["Api:HttpUrl"] = string.Empty, // the CLI speaks gRPC only
            ["Api:Auth:GeneratedKeyFile"] = ConnectionSettingsResolver.DefaultTokenPath(Environment),
        });
        builder.Services.AddSingleton(new SummaryOutput(TextWriter.Synchronized(_summary)));
        builder.AddPinpointSilo();
        builder.AddPinpointApi();

        // Until the service registers its finding store (issue 11), the integrity RPCs read a test one.
        FallbackIntegrityFindingStore.AddIfMissing(builder.Services);
        _app = builder.Build();
        _app.MapPinpointApi();
        await _app.StartAsync();

        // The embedded default prints its scan-format summary once the first pass is complete.
        var clock = Stopwatch.StartNew();
        while (_summary.ToString().Length == 0)
        {
            Assert.True(clock.Elapsed < FirstPassDeadline, $"the first pass did not complete within {FirstPassDeadline}");
            await Task.Delay(100);
        }

        GroundTruth = ScanSummaryJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(_folder, SampleTrail.GroundTruthFileName)));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _summary.DisposeAsync();
        foreach (var folder in new[] { _folder, Environment.ConfigFolder })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
