using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;

namespace PinpointAggregator.Cli.Commands;

/// <summary>
/// <c>watch</c>: prints new events that match a filter as they are stored, reconnecting with the last cursor
/// when the connection drops; Ctrl-C ends it cleanly and says the cursor to resume from.
/// </summary>
internal static class WatchCommand
{
    /// <summary>The first wait before calling again after a drop; it doubles up to <see cref="LongestBackoff"/>.</summary>
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    internal static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    public static Command Create(CliEnvironment environment)
    {
        var filter = new EventFilterOptions();
        var cursor = new Option<string?>("--cursor") { Description = "Resume after this cursor (as a previous watch printed on exit); default: events stored from now on." };
        var full = new Option<bool>("--full") { Description = "Include each event's raw request parameters and response elements." };
        var command = new Command("watch", "Print new events that match a filter as they are stored; Ctrl-C stops.") { cursor, full };
        filter.AddTo(command);
        ServiceCommand.SetAction(command, "watch", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var request = new WatchEventsRequest
            {
                Filter = filter.Read(parse, environment.Clock.GetUtcNow()),
                Cursor = parse.GetValue(cursor) ?? string.Empty,
                View = parse.GetValue(full) ? EventView.Full : EventView.Basic,
            };
            var rows = new RowStream<Event>(run.Out, run.Format, EventColumns.All, run.Wide);
            var watcher = new EventWatcher(run.Connection.Events, FirstBackoff, LongestBackoff);
            try
            {
                await watcher.RunAsync(request, rows.Write, (reason, wait) => run.Note($"{reason}; reconnecting in {wait.TotalSeconds:0.#} s"), cancellationToken);
            }
            finally
            {
                if (watcher.Cursor.Length > 0)
                {
                    run.Note($"stopped; resume with --cursor {watcher.Cursor}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
