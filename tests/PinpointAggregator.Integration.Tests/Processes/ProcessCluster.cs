using System.Text;
using Npgsql;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Integration.Tests.Cluster;
using Xunit.Abstractions;

namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>
/// Silo processes of one cluster on one PostgreSQL database (<c>Storage:Provider=PostgreSql</c>, its own
/// service id, loopback ports), configured by environment variables, and an Orleans client of theirs.
/// Disposing kills every process still running; <see cref="RunAsync"/> prints their logs when a test fails.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    /// <summary>Membership status of a silo that has joined (Orleans' <c>SiloStatus.Active</c>).</summary>
    private const int Active = 3;

    /// <summary>How many log lines of each silo a failure prints: enough for the story, not the whole backfill.</summary>
    private const int LogLinesOnFailure = 300;

    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(30);

    private readonly List<SiloProcess> _silos = [];
    private readonly Dictionary<string, string> _environment;
    private readonly string _connectionString;
    private readonly string _clusterId;
    private readonly string _serviceId;
    private readonly string _logFolder = Directory.CreateTempSubdirectory("pa-silos-").FullName;
    private readonly ITestOutputHelper _output;
    private ClusterClient? _client;

    /// <param name="settings">The silos' configuration as <c>Section:Key</c> (storage and cluster keys are added here).</param>
    /// <param name="environment">Extra environment variables for every silo (such as the AWS SDK's credentials).</param>
    public ProcessCluster(string connectionString, string serviceId, IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output)
    {
        (_connectionString, _serviceId, _clusterId, _output) = (connectionString, serviceId, serviceId + "-cluster", output);
        var all = new Dictionary<string, string?>(settings)
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:PinpointAggregator"] = connectionString,
            ["Cluster:ClusterId"] = _clusterId,
            ["Cluster:ServiceId"] = serviceId,
        };

        // Section:Key becomes Section__Key, the form every platform accepts in an environment variable.
        _environment = all.Where(p => p.Value is not null).ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value!, StringComparer.Ordinal);
        foreach (var (key, value) in environment)
        {
            _environment[key] = value;
        }
    }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IEnumerable<SiloProcess> Running => _silos.Where(s => s.IsRunning);

    public IGrainFactory Grains => (_client ?? throw new InvalidOperationException("Start the cluster first.")).Grains;

    /// <summary>Starts <paramref name="count"/> more silos, waits until every running silo is active in the membership table, and connects the client once.</summary>
    public async Task StartAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _silos.Add(SiloProcess.Start($"silo{_silos.Count + 1}", _environment, _logFolder));
        }

        var expected = Running.Count();
        await Eventually.MatchesAsync(ActiveSilosAsync, active => active == expected || Running.Count() != expected, $"the {expected} running silos are active in the membership table");
        if (Running.Count() != expected)
        {
            Assert.Fail($"A silo exited while starting: {string.Join(", ", _silos.Where(s => !s.IsRunning).Select(s => s.Name))}");
        }

        _client ??= await ClusterClient.ConnectAsync(_connectionString, _clusterId, _serviceId);
    }

    /// <summary>Stops every running silo gracefully (SIGTERM), all at once, as a rolling-free redeploy does.</summary>
    public Task StopAllAsync() => Task.WhenAll(Running.Select(s => s.StopAsync(GracefulStop)));

    public Task StartIngestionAsync() => Grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync();

    public Task<ScanSummary> SummaryAsync() => LiveSummary.BuildAsync(Grains);

    /// <summary>Every prefix's status, or null while the cluster cannot answer (a silo just died, a call timed out).</summary>
    public async Task<PrefixStatus[]?> TryPrefixesAsync()
    {
        try
        {
            return [.. (await OrganizationSnapshot.TakeAsync(Grains)).Prefixes];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Waits until <paramref name="prefixes"/> prefixes have caught up with <paramref name="files"/> files and nothing waits for a retry or a delivery.</summary>
    public async Task<PrefixStatus[]> CaughtUpAsync(int prefixes, int files) => (await Eventually.MatchesAsync(
        TryPrefixesAsync,
        all => all is not null && all.Length == prefixes && all.All(p => p.CaughtUp && p.PendingRetries == 0 && p.UndeliveredBatches == 0)
            && all.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined) == files,
        $"{prefixes} prefixes have caught up with {files} files"))!;

    /// <summary>Runs a test's steps; when they fail, prints every silo's log (and <paramref name="otherLog"/>, such as a database server's) before the failure propagates.</summary>
    public async Task RunAsync(Func<Task> steps, Func<string>? otherLog = null)
    {
        try
        {
            await steps();
        }
        catch
        {
            PrintLogs();
            if (otherLog is not null)
            {
                _output.WriteLine(otherLog());
            }

            throw;
        }
    }

    public void PrintLogs()
    {
        foreach (var silo in _silos)
        {
            var lines = silo.ReadLog().Split('\n');
            var text = new StringBuilder().AppendLine($"===== {silo.Name} ({silo.LogPath}), last {Math.Min(lines.Length, LogLinesOnFailure)} of {lines.Length} lines =====");
            foreach (var line in lines.TakeLast(LogLinesOnFailure))
            {
                text.AppendLine(line);
            }

            _output.WriteLine(text.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client is not null)
            {
                await _client.DisposeAsync();
            }
        }
        finally
        {
            foreach (var silo in _silos)
            {
                silo.Dispose();
            }

            Directory.Delete(_logFolder, recursive: true);
        }
    }

    private async Task<long> ActiveSilosAsync()
    {
        // Unpooled: a test may stop and restart the server, which leaves pooled connections dead.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        // By port: a killed silo's row stays Active until the others declare it dead.
        await using var command = new NpgsqlCommand("select count(*) from pinpoint_membership where cluster_id = $1 and status = $2 and port = any($3)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _clusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = Active });
        command.Parameters.Add(new NpgsqlParameter { Value = Running.Select(s => s.SiloPort).ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
