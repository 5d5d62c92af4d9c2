using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// The service as the README's first command runs it (one silo, in-memory storage, the sample organization
/// trail in a local folder), with gRPC on a free loopback port; ready once the first pass has read every
/// file. Tests talk to it through a real <see cref="GrpcChannel"/>; <see cref="GroundTruth"/> is the
/// generator's own account of what the trail holds.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync, as xUnit's IAsyncLifetime does it
public class ServiceFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan FirstPassDeadline = TimeSpan.FromMinutes(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pa-api-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _summary = new();
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public ScanSummary GroundTruth { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>The folder the service reads as its bucket: tests add trail files here and poll.</summary>
    public string SampleFolder => _folder;

    /// <summary>Extra configuration of a derived fixture (authentication, limits).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Configuration => [];

    public virtual async Task InitializeAsync()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = PinpointHost.CreateWebBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EmbeddedDefault.FolderKey] = _folder,
            ["Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Api:Url"] = Address.ToString(),
        }.Concat(Configuration));
        builder.Services.AddSingleton(new SummaryOutput(TextWriter.Synchronized(_summary)));
        builder.AddPinpointSilo();
        builder.AddPinpointApi();
        TestCallerAccessResolver.Decorate(builder.Services);
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
        Channel = GrpcChannel.ForAddress(Address);
    }

    public virtual async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _summary.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
