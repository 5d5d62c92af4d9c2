using System.Diagnostics;
using Google.Protobuf;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Cli.Tests.Fakes;

namespace PinpointAggregator.Cli.Tests.Commands;

/// <summary><c>watch</c> through a connection that drops: it reconnects with its last cursor, misses nothing, shows nothing twice, and Ctrl-C ends it cleanly.</summary>
public sealed class WatchCommandTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DroppedStream_ReconnectsWithTheLastCursor_EveryEventOnce()
    {
        var events = new FakeEvents();
        await using var server = await FakeServer.StartAsync([events]);
        var output = new LockedWriter();
        var error = new LockedWriter();
        using var stop = new CancellationTokenSource();

        var run = CliApp.RunAsync(["watch", "--address", server.Address, "--output", "json"], CliRun.Bare, output, error, stop.Token);
        await Until(() => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 2, run);
        events.Drop.SetResult();
        await Until(() => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == FakeEvents.Events.Count, run);
        // The last event reached the client; the second call stays open until the test presses Ctrl-C.
        await stop.CancelAsync();
        var exitCode = await run;

        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JsonParser.Default.Parse<Event>).ToList();
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(FakeEvents.Events, printed);
        var cursors = events.WatchCursors.ToArray();
        Assert.Equal(2, cursors.Length);
        Assert.Equal(string.Empty, cursors[0]);
        // The second call resumes after the last message the client received before the drop.
        Assert.Equal("c3", cursors[1]);
        var notes = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, notes.Length);
        Assert.StartsWith("watch: the stream dropped (", notes[0], StringComparison.Ordinal);
        Assert.EndsWith("; reconnecting in 1 s", notes[0], StringComparison.Ordinal);
        Assert.Equal("watch: stopped; resume with --cursor c4", notes[1]);
    }

    [Fact]
    public async Task TableOutput_PrintsAHeaderThenARowPerEvent()
    {
        var events = new FakeEvents();
        events.Drop.SetResult();
        await using var server = await FakeServer.StartAsync([events]);
        var output = new LockedWriter();
        using var stop = new CancellationTokenSource();

        var run = CliApp.RunAsync(["watch", "--address", server.Address], CliRun.Bare, output, new LockedWriter(), stop.Token);
        await Until(() => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1 + FakeEvents.Events.Count, run);
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await run);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("TIME                  ACCOUNT       REGION          APPLICATION_ID                    EVENT_NAME                    CALLER                                    ERROR_CODE        EVENT_ID", lines[0]);
        Assert.Equal("2024-06-01T12:01:00Z  111111111111  us-east-1       app1                              CreateApp                     arn:aws:iam::111111111111:user/ana                          e-1", lines[1]);
    }

    [Fact]
    public async Task NothingListening_FailsAtOnceAsUnavailable()
    {
        var result = await CliRun.RunAsync("watch", "--address", $"http://127.0.0.1:{FreePorts.Next()}");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.StartsWith("watch: the service at http://127.0.0.1:", result.Error, StringComparison.Ordinal);
    }

    private static async Task Until(Func<bool> condition, Task<int> run)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(run.IsCompleted, $"watch ended early with {(run.IsCompleted ? run.Result : 0)}");
            Assert.True(clock.Elapsed < Deadline, "the watch did not print what was expected in time");
            await Task.Delay(20);
        }
    }
}
