using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>
/// One silo as a real process (<c>dotnet PinpointAggregator.Host.dll</c>), configured only through environment
/// variables as a container would be, its standard output and error captured to a file.
/// </summary>
/// <remarks>
/// A real process because what these tests prove is about processes: SIGKILL leaves no finally block, no
/// graceful deactivation and no flushed buffer behind, which an in-process test silo cannot imitate.
/// </remarks>
internal sealed class SiloProcess : IDisposable
{
    /// <summary>Silos not yet disposed; killed if the test run exits without disposing them, so none outlives it.</summary>
    private static readonly ConcurrentDictionary<SiloProcess, byte> Live = new();

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    static SiloProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var silo in Live.Keys)
            {
                silo.Kill();
            }
        };
    }

    private SiloProcess(string name, int siloPort, Process process, StreamWriter log, string logPath)
    {
        (Name, SiloPort, _process, _log, LogPath) = (name, siloPort, process, log, logPath);
    }

    public string Name { get; }

    /// <summary>The silo-to-silo port, which with the address identifies the silo in the membership table.</summary>
    public int SiloPort { get; }

    public string LogPath { get; }

    /// <summary>The silo's HTTP endpoint (<c>Api:HttpUrl</c>): JSON, OpenAPI and its Prometheus <c>/metrics</c>.</summary>
    public string HttpUrl => _process.StartInfo.Environment["Api__HttpUrl"]!;

    public int Id => _process.Id;

    public bool IsRunning => !_process.HasExited;

    /// <param name="environment">Settings as <c>Section__Key</c> variables, on top of this process's environment.</param>
    public static SiloProcess Start(string name, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        var siloPort = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = logFolder,
        };
        info.ArgumentList.Add(HostExecutable.DllPath);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Silo__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        // Silos share the machine: each its own API ports (the defaults, 50051 and 50052, would collide).
        info.Environment["Api__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        info.Environment["Api__HttpUrl"] = $"http://127.0.0.1:{FreePort.Next()}";

        // Each silo hosts the gRPC front end; the default port (50051) would let only one of them start.
        info.Environment["Api__Url"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}");

        // Each silo's gRPC endpoint on its own loopback port, its generated API key beside its log, not in the home folder.
        info.Environment["Api__Url"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        info.Environment["Api__Auth__GeneratedKeyFile"] = Path.Combine(logFolder, name + ".token");

        var logPath = Path.Combine(logFolder, name + ".log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var silo = new SiloProcess(name, siloPort, process, log, logPath);
        process.OutputDataReceived += (_, line) => silo.Write("out", line.Data);
        process.ErrorDataReceived += (_, line) => silo.Write("err", line.Data);
        process.Start();
        Live[silo] = 0;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        silo.Write("test", $"started pid {process.Id}");
        return silo;
    }

    /// <summary>SIGKILL, for the process and anything it started: no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            if (IsRunning)
            {
                Write("test", "SIGKILL");
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the signal.
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: the host shuts the silo down gracefully. SIGKILL if it does not exit in time.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!IsRunning)
        {
            return;
        }

        Write("test", "SIGTERM");
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            Write("test", $"exited with {_process.ExitCode}");
        }
        catch (OperationCanceledException)
        {
            Write("test", $"still running {grace.TotalSeconds:0} s after SIGTERM");
            Kill();
        }
    }

    /// <summary>Everything the process wrote so far, with the test's own notes.</summary>
    public string ReadLog()
    {
        // The writer flushes every line, so the file is complete up to the last line received.
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        Kill();
        Live.TryRemove(this, out _);
        _process.Dispose();
        lock (_logLock)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void Write(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (_logClosed)
            {
                return;
            }

            _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {stream}: {line}");
        }
    }
}
