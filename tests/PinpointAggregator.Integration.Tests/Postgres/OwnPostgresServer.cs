using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PinpointAggregator.Integration.Tests.Processes;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL server of one test's own, on a free loopback port, so the test can stop and start it
/// without touching the shared server every other test uses. Built with the binaries tests/run-tests.sh found
/// (<c>PA_TEST_PG_BIN</c>), run as <c>PA_TEST_PG_USER</c> when set (the script runs as root; PostgreSQL refuses root).
/// </summary>
internal sealed class OwnPostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;

    private OwnPostgresServer(string folder, int port)
    {
        (_folder, _port) = (folder, port);
    }

    /// <summary>The server's default database, owned by this test alone.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = "postgres", Database = "postgres",
    }.ConnectionString;

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<OwnPostgresServer> StartAsync()
    {
        // Every user may enter: initdb runs as the postgres user and creates the data folder (mode 0700) inside.
        var folder = Path.Combine(Path.GetTempPath(), "pa-own-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        var server = new OwnPostgresServer(folder, FreePort.Next());
        try
        {
            await RunAsync("initdb", "-D", server.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again) on the same port and data; returns once it accepts connections.</summary>
    public Task StartAgainAsync() => RunAsync(
        "pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        "start");

    /// <summary>Stops the server: <c>fast</c> closes every connection and stops cleanly; <c>immediate</c> is a crash.</summary>
    public Task StopAsync(string mode = "fast") => RunAsync("pg_ctl", "-D", DataFolder, "-m", mode, "-w", "stop");

    /// <summary>What the server logged, for a failing test's report.</summary>
    public string ReadLog()
    {
        var log = Path.Combine(_folder, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await RunAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Runs one of PostgreSQL's tools, as the configured user; a failure carries the tool's output.</summary>
    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(TestServices.PostgresBin, tool);
        var info = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (TestServices.PostgresUser is { } user)
        {
            info.FileName = "runuser";
            foreach (var argument in new[] { "-u", user, "--", path })
            {
                info.ArgumentList.Add(argument);
            }
        }
        else
        {
            info.FileName = path;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
