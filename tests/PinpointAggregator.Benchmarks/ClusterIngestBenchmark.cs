using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Audit.Local;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.SampleData;
using PinpointAggregator.Storage.PostgreSql.Migrations;
using PinpointAggregator.Trail.Local;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// Ingestion of a local-folder corpus into PostgreSQL through a cluster of silos (the production
/// composition: PostgreSQL membership, grain storage, reminders and audit store), beside the
/// decompress+scan floor on 2 threads and the offline <c>scan</c>, interleaved round by round; the best
/// round of each is reported.
/// </summary>
/// <remarks>
/// Usage: <c>PinpointAggregator.Benchmarks cluster FOLDER CONNECTION_STRING [DAYS] [ROUNDS] [SILOS]</c>.
/// The connection string names a server and a user that may create databases; every round ingests into a
/// fresh database, dropped afterwards. <c>memory</c> instead runs the embedded default's in-memory storage
/// (one silo): the same composition without PostgreSQL, to see what the database costs. The silos run in this process (each its own host, talking over
/// loopback TCP); timed from the organization's start, once every silo has joined, to every prefix caught up.
/// </remarks>
internal static class ClusterIngestBenchmark
{
    /// <summary>In place of a connection string: one silo with in-memory storage, the same harness's baseline.</summary>
    private const string InMemory = "memory";

    public static async Task RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("usage: cluster FOLDER CONNECTION_STRING [DAYS] [ROUNDS] [SILOS]");
        }

        var (folder, server) = (args[0], args[1]);
        var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var silos = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;
        if (!File.Exists(Path.Combine(folder, SampleTrail.GroundTruthFileName)))
        {
            Console.Error.WriteLine($"generating a {days}-day corpus in {folder} ...");
            SampleTrailGenerator.Generate(folder, SampleTrailOptions.Benchmark(days));
        }

        var files = LocalTrailFiles.Find([folder]);
        var scanner = new LocalTrailScanner(AuditEventReader.Create());
        double floor = double.MaxValue, scan = double.MaxValue, cluster = double.MaxValue;
        ScanSummary scanned = null!;
        ClusterRun run = null!;
        for (var round = 1; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            ProcessFloor.Scan(files, threads: 2);
            floor = Math.Min(floor, clock.Elapsed.TotalSeconds);

            clock.Restart();
            scanned = scanner.Scan(files);
            scan = Math.Min(scan, clock.Elapsed.TotalSeconds);

            run = await IngestAsync(folder, server, silos, round);
            cluster = Math.Min(cluster, run.Seconds);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: floor {floor:F2} s, scan {scan:F2} s, cluster {run.Seconds:F2} s"));
        }

        var (records, json) = (scanned.Totals.Records, scanned.Totals.DecompressedBytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {files.Count} files, {json / 1e6:F0} MB JSON, {records} records, {scanned.Totals.Events} Pinpoint events; {Environment.ProcessorCount} cores; best of {rounds} interleaved rounds"));
        Console.WriteLine("| path | seconds | records/s | MB/s (JSON) | vs floor |");
        Console.WriteLine("|---|---|---|---|---|");
        Row("floor: decompress + token scan, 2 threads", floor, records, json, floor);
        Row("offline `scan` (no grains, no database)", scan, records, json, floor);
        Row(server == InMemory ? "1 silo, in-memory storage (the same harness without PostgreSQL)" : $"{silos}-silo cluster into PostgreSQL (audit store + grain state)", cluster, records, json, floor);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event store rows: {run.StoredEvents} (scan: {scanned.Totals.Events} distinct events); applications identical to scan: {Same(run.Live, scanned)}"));
    }

    private static async Task<ClusterRun> IngestAsync(string folder, string server, int silos, int round)
    {
        var database = $"pinpoint_bench_{Environment.ProcessId}_{round}";
        var inMemory = server == InMemory;
        var connectionString = inMemory ? null : new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        if (connectionString is not null)
        {
            await ExecuteAsync(server, $"drop database if exists {database} with (force)");
            await ExecuteAsync(server, $"create database {database}");
            await new PostgresMigrator(connectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        }

        var hosts = Enumerable.Range(0, silos).Select(i => Build(folder, connectionString, i)).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(hosts.Select(h => h.StartAsync()));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {silos} silos joined in {clock.Elapsed.TotalSeconds:F2} s (not timed)"));
            var grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
            clock.Restart();
            await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync();
            var expected = LocalTrailFiles.Find([folder]).Count;
            PrefixStatus[] prefixes;
            do
            {
                await Task.Delay(100);
                prefixes = [.. (await OrganizationSnapshot.TakeAsync(grains)).Prefixes];
            }
            while (prefixes.Length == 0 || !prefixes.All(p => p.CaughtUp) || prefixes.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined) < expected);

            var seconds = clock.Elapsed.TotalSeconds;
            var live = await LiveSummary.BuildAsync(grains);
            if (connectionString is null)
            {
                return new ClusterRun(seconds, live, live.Totals.Events);
            }

            await using var source = NpgsqlDataSource.Create(connectionString);
            await using var count = source.CreateCommand("select count(*) from pinpoint_events");
            return new ClusterRun(seconds, live, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await Task.WhenAll(hosts.Select(h => h.StopAsync()));
            foreach (var host in hosts)
            {
                host.Dispose();
            }

            if (!inMemory)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"drop database if exists {database} with (force)");
            }
        }
    }

    /// <summary>A silo composed exactly as the executable composes one, on its own loopback ports.</summary>
    private static IHost Build(string folder, string? connectionString, int index)
    {
        var builder = PinpointHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = connectionString is null ? "Memory" : "PostgreSql",
            ["ConnectionStrings:PinpointAggregator"] = connectionString,
            ["Cluster:ServiceId"] = "benchmark",
            ["Silo:SiloPort"] = (11411 + index).ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = (30411 + index).ToString(CultureInfo.InvariantCulture),
            ["Ingestion:Buckets:0:Name"] = "benchmark",
            ["Ingestion:Buckets:0:LocalPath"] = folder,
            ["Ingestion:StartFrom"] = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            ["Ingestion:PollInterval"] = "00:10:00",
            ["Ingestion:MaxPollInterval"] = "00:10:00",
            ["Ingestion:DiscoveryInterval"] = "00:10:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPinpointSilo();

        // The benchmark starts ingestion itself once every silo has joined: cluster formation is not ingestion.
        builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(IngestionStarter)));
        return builder.Build();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static bool Same(ScanSummary a, ScanSummary b) =>
        System.Text.Json.JsonSerializer.Serialize(a.Applications) == System.Text.Json.JsonSerializer.Serialize(b.Applications);

    private static void Row(string name, double seconds, long records, long json, double floor) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds:F2} | {records / seconds / 1e3:F0}k | {json / 1e6 / seconds:F0} | {floor / seconds:P0} |"));

    private sealed record ClusterRun(double Seconds, ScanSummary Live, long StoredEvents);
}
