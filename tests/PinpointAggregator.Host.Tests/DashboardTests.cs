using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Host.Tests;

/// <summary>
/// The Orleans dashboard on a real silo: served over HTTP when enabled, absent (no port, no services) by default.
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _emptyBucket = Directory.CreateTempSubdirectory("pa-dashboard-").FullName;

    [Fact]
    public async Task Enabled_ServesThePageAndClusterCountersOverHttp()
    {
        var port = FreePorts.Next();
        using var host = Build(new()
        {
            ["Dashboard:Enabled"] = "true",
            ["Dashboard:Port"] = port.ToString(CultureInfo.InvariantCulture),
        });
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

            using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

            // The counters come from the dashboard grain, which learns of the silo a moment after start.
            var hosts = 0;
            using var timeout = new CancellationTokenSource(Deadline);
            while (hosts == 0)
            {
                using var counters = await http.GetAsync(new Uri("/DashboardCounters", UriKind.Relative), timeout.Token);
                Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
                using var json = JsonDocument.Parse(await counters.Content.ReadAsStringAsync(timeout.Token));
                hosts = json.RootElement.GetProperty("totalActiveHostCount").GetInt32();
                if (hosts == 0)
                {
                    await Task.Delay(200, timeout.Token);
                }
            }

            Assert.Equal(1, hosts);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task ByDefault_NothingListensOnTheDashboardPort()
    {
        var port = FreePorts.Next();
        using var host = Build(new() { ["Dashboard:Port"] = port.ToString(CultureInfo.InvariantCulture) });
        await host.StartAsync();
        try
        {
            Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "DashboardServer");
            using var client = new TcpClient();
            var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Enabled_WithAHostNameInsteadOfAnAddress_StopsStartUpNamingTheOption()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Build(new() { ["Dashboard:Enabled"] = "true", ["Dashboard:Host"] = "dashboard.example" }));

        Assert.Contains("Dashboard:Host", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_emptyBucket, recursive: true);

    /// <summary>A real silo on free ports reading an empty local bucket (no sample to generate).</summary>
    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        settings["Ingestion:Buckets:0:Name"] = "empty";
        settings["Ingestion:Buckets:0:LocalPath"] = _emptyBucket;
        settings["Silo:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        settings["Silo:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPinpointSilo();
        return builder.Build();
    }
}
