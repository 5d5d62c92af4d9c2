using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.Host.Telemetry;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>
/// The service on PostgreSQL exports Npgsql's metrics through <c>/metrics</c> beside ours, and the scrape never
/// holds the connection string's password (Npgsql names pools by the connection string without it).
/// </summary>
public sealed class PostgresTelemetryTests
{
    private const string Password = "not-to-be-scraped-5c1e";
    private static readonly TimeSpan FirstPassDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Scrape_OnPostgreSql_HoldsNpgsqlAndIngestionMetrics_AndNeverThePassword()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = Path.Combine(Path.GetTempPath(), "pa-telemetry-" + Guid.NewGuid().ToString("N"));
        var summary = new StringWriter();
        var http = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = PinpointHost.CreateWebBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EmbeddedDefault.FolderKey] = folder,
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:MigrateOnStart"] = "true",
            ["ConnectionStrings:PinpointAggregator"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password, Pooling = true }.ConnectionString,
            ["Cluster:ClusterId"] = "telemetry-" + Guid.NewGuid().ToString("N"),
            ["Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Api:Url"] = $"http://127.0.0.1:{FreePort()}",
            ["Api:HttpUrl"] = http.ToString(),
        });
        builder.Services.AddSingleton(new SummaryOutput(TextWriter.Synchronized(summary)));
        builder.AddPinpointSilo();
        builder.AddPinpointApi();
        builder.AddPinpointTelemetry();
        await using var app = builder.Build();
        app.MapPinpointApi();
        app.MapPinpointTelemetry();
        try
        {
            await app.StartAsync();
            var clock = Stopwatch.StartNew();
            while (summary.ToString().Length == 0)
            {
                Assert.True(clock.Elapsed < FirstPassDeadline, $"the first pass did not complete within {FirstPassDeadline}");
                await Task.Delay(100);
            }

            using var client = new HttpClient();
            var scrape = await client.GetStringAsync(new Uri(http, "/metrics"));

            Assert.Contains("\ndb_client_operation_duration_seconds_count{", scrape, StringComparison.Ordinal);
            Assert.Contains("\ndb_client_connection_count{", scrape, StringComparison.Ordinal);
            Assert.Contains("\npinpoint_trail_files_total{", scrape, StringComparison.Ordinal);
            Assert.Contains($"Database={database.Name}", scrape, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, scrape, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int FreePort()
    => PinpointAggregator.Testing.TestPorts.Next();
}
