using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// A thin organization (ACCOUNTS × REGIONS prefixes, one small file each) through SILOS in-process silos on
/// PostgreSQL, composed as the executable composes them: time to the first pass complete, memory per prefix
/// grain, idle CPU and PostgreSQL writes over a minute once caught up.
/// </summary>
/// <remarks>
/// Usage: <c>PinpointAggregator.Benchmarks scale FOLDER CONNECTION_STRING [ACCOUNTS] [REGIONS] [SILOS]</c>.
/// Quiet prefixes poll every 15 minutes (<c>PollInterval = MaxPollInterval</c>), the steady state of a
/// caught-up organization, so the idle minute measures what quiet prefixes cost, not the back-off.
/// </remarks>
internal static class ScaleBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("usage: scale FOLDER CONNECTION_STRING [ACCOUNTS] [REGIONS] [SILOS]");
        }

        var (folder, server) = (args[0], args[1]);
        var accounts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var regions = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 17;
        var silos = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;
        var prefixes = ThinOrganization.Write(folder, accounts, regions);
        var empty = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pinpoint-scale-empty")).FullName;

        // Baseline: the same silos with nothing to read.
        var baseline = await RunAsync(empty, server, silos, "base", async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return Heap();
        });
        Console.Error.WriteLine($"baseline heap: {baseline / 1e6:F1} MB");

        var report = await RunAsync(folder, server, silos, "scale", async (hosts, connectionString) =>
        {
            var grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
            var clock = Stopwatch.StartNew();
            IngestionProgress progress;
            do
            {
                await Task.Delay(1000);
                try
                {
                    progress = await IngestionProgress.TakeAsync(grains);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"progress: {e.Message}");
                    continue;
                }

                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:F0} s: {progress.CaughtUp}/{progress.Prefixes} prefixes, {progress.Files} files"));
                if (progress.Complete && progress.Prefixes == prefixes)
                {
                    break;
                }
            }
            while (true);

            var firstPass = clock.Elapsed.TotalSeconds;
            var heap = Heap();
            var active = await ActivePrefixGrainsAsync(grains);

            // Idle: let the last writes settle, then one minute of process CPU and PostgreSQL row changes.
            await Task.Delay(TimeSpan.FromSeconds(15));
            var (cpu0, rows0, commits0) = (Process.GetCurrentProcess().TotalProcessorTime, await RowChangesAsync(connectionString), await CommitsAsync(connectionString));
            var idle = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(60));
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / idle.Elapsed.TotalSeconds;
            var rows = await RowChangesAsync(connectionString) - rows0;
            var commits = await CommitsAsync(connectionString) - commits0;
            var activeAfter = await ActivePrefixGrainsAsync(grains);
            return new Report(firstPass, heap, active, cpu, rows, commits, activeAfter, Heap());
        });

        var perPrefix = (report.Heap - baseline) / Math.Max(1, report.ActivePrefixes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {accounts} × {regions} = {prefixes} prefixes, {silos} silos | {report.FirstPass:F1} s | {perPrefix / 1024:F1} KB ({report.ActivePrefixes} active, heap {report.Heap / 1e6:F0} MB − baseline {baseline / 1e6:F0} MB) | {report.IdleCpu:P1} | {report.RowChanges} rows, {report.Commits} commits | {report.ActiveAfterIdle} active after the idle minute, heap {report.HeapAfterIdle / 1e6:F0} MB |"));
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> ActivePrefixGrainsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("TrailPrefixGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    private static async Task<T> RunAsync<T>(string folder, string server, int silos, string name, Func<List<IHost>, string, Task<T>> measure)
    {
        var database = $"pinpoint_scale_{Environment.ProcessId}_{name}";
        await ExecuteAsync(server, $"drop database if exists {database} with (force)");
        await ExecuteAsync(server, $"create database {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        await new PostgresMigrator(connectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        var hosts = Enumerable.Range(0, silos).Select(i => Build(folder, connectionString, i)).ToList();
        try
        {
            await Task.WhenAll(hosts.Select(h => h.StartAsync()));
            return await measure(hosts, connectionString);
        }
        finally
        {
            await Task.WhenAll(hosts.Select(h => h.StopAsync()));
            foreach (var host in hosts)
            {
                host.Dispose();
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"drop database if exists {database} with (force)");
        }
    }

    private static IHost Build(string folder, string connectionString, int index)
    {
        var builder = PinpointHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:PinpointAggregator"] = connectionString,
            ["Cluster:ServiceId"] = "scale",
            ["Silo:SiloPort"] = (11511 + index).ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = (30511 + index).ToString(CultureInfo.InvariantCulture),
            ["Ingestion:Buckets:0:Name"] = "scale",
            ["Ingestion:Buckets:0:LocalPath"] = folder,
            ["Ingestion:StartFrom"] = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            ["Ingestion:PollInterval"] = "00:15:00",
            ["Ingestion:MaxPollInterval"] = "00:15:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPinpointSilo();
        return builder.Build();
    }

    private static async Task<long> RowChangesAsync(string connectionString) =>
        await ScalarAsync(connectionString, "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint from pg_stat_user_tables");

    private static async Task<long> CommitsAsync(string connectionString) =>
        await ScalarAsync(connectionString, "select xact_commit from pg_stat_database where datname = current_database()");

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Statistics are flushed by each backend now and then: ask for a fresh snapshot.
        await using (var clear = new NpgsqlCommand("select pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Report(double FirstPass, long Heap, int ActivePrefixes, double IdleCpu, long RowChanges, long Commits, int ActiveAfterIdle, long HeapAfterIdle);
}
