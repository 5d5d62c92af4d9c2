using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.SampleData;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Host.Tests;

/// <summary>
/// The README's first command, in process: with no bucket configured the host generates the sample trail,
/// ingests it, and prints exactly the sample's applications in the scan format.
/// </summary>
public sealed class EmbeddedDefaultTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pa-embedded-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task NoBucketConfigured_GeneratesTheSampleAndPrintsItsApplications()
    {
        using var output = new StringWriter();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EmbeddedDefault.FolderKey] = _folder,
            ["Silo:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(new SummaryOutput(output));
        builder.AddPinpointSilo();
        using var host = builder.Build();

        await host.StartAsync();
        var clock = Stopwatch.StartNew();
        while (output.ToString().Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(100);
        }

        await host.StopAsync();
        Assert.True(File.Exists(Path.Combine(_folder, SampleTrail.GroundTruthFileName)), "the sample trail was not generated");
        var truth = ScanSummaryJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(_folder, SampleTrail.GroundTruthFileName)));
        var printed = ScanSummaryJson.Deserialize(output.ToString());
        Assert.Equal(Json(truth.Applications), Json(printed.Applications));
        Assert.Equal(Json(truth.NoApplicationId), Json(printed.NoApplicationId));
        Assert.Equal(truth.FailedFiles.Select(f => (f.Path, f.Kind)).Order(), printed.FailedFiles.Select(f => (f.Path, f.Kind)).Order());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static int FreePort()
    => PinpointAggregator.Testing.TestPorts.Next();
}
