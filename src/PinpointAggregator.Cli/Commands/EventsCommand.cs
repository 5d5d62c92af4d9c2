using System.CommandLine;
using Grpc.Core;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;

namespace PinpointAggregator.Cli.Commands;

/// <summary><c>events search|get|export</c>: the kept events, by filter, by id, or all of a filter as a stream.</summary>
internal static class EventsCommand
{
    public static Command Create(CliEnvironment environment) => new("events", "The Pinpoint events kept by the event store.")
    {
        Search(environment),
        Get(environment),
        Export(environment),
    };

    private static Command Search(CliEnvironment environment)
    {
        var filter = new EventFilterOptions();
        var order = OrderOption.Create();
        var full = FullOption();
        var paging = PagingOptions.LimitedTo(100);
        var command = new Command("search", "Events that match a filter, newest first unless --order oldest; --all follows every page.") { order, full };
        filter.AddTo(command);
        paging.AddTo(command);
        ServiceCommand.SetAction(command, "events search", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var request = new SearchEventsRequest
            {
                Filter = filter.Read(parse, environment.Clock.GetUtcNow()),
                Order = OrderOption.Read(parse, order),
                View = parse.GetValue(full) ? EventView.Full : EventView.Basic,
            };
            var pages = await Pages.ReadAsync<Event>(paging.Read(parse), async (token, size) =>
            {
                var call = request.Clone();
                call.PageSize = size;
                call.PageToken = token;
                var page = await run.Connection.Events.SearchEventsAsync(call, run.Connection.Unary(cancellationToken));
                return (page.Events, page.NextPageToken);
            });
            run.Print(new SearchEventsResponse { Events = { pages.Rows }, NextPageToken = pages.NextPageToken }, EventColumns.All, pages.Rows);
            pages.NoteMore(run);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(CliEnvironment environment)
    {
        var id = new Argument<string>("event-id") { Description = "CloudTrail's eventID (or events/EVENT_ID)." };
        var command = new Command("get", "One event by its eventID, with its raw request parameters and response elements.") { id };
        ServiceCommand.SetAction(command, "events get", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var text = parse.GetValue(id)!;
            var name = text.StartsWith("events/", StringComparison.Ordinal) ? text : "events/" + text;
            var found = await run.Connection.Events.GetEventAsync(new GetEventRequest { Name = name }, run.Connection.Unary(cancellationToken));
            if (run.Format == OutputFormat.Table)
            {
                EventDetailView.Print(run.Out, found);
            }
            else
            {
                run.Print(found, EventColumns.All, [found]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export(CliEnvironment environment)
    {
        var filter = new EventFilterOptions();
        var order = OrderOption.Create();
        var full = FullOption();
        var command = new Command("export", "Every event that matches a filter, streamed to standard output as JSON Lines (default) or CSV.") { order, full };
        filter.AddTo(command);
        ServiceCommand.SetAction(command, "events export", new ServiceOptions(OutputFormat.Json), environment, async (parse, run, cancellationToken) =>
        {
            var request = new ExportEventsRequest
            {
                Filter = filter.Read(parse, environment.Clock.GetUtcNow()),
                Order = OrderOption.Read(parse, order),
                View = parse.GetValue(full) ? EventView.Full : EventView.Basic,
            };
            var rows = new RowStream<Event>(run.Out, run.Format, EventColumns.All, run.Wide);
            using var call = run.Connection.Events.ExportEvents(request, run.Connection.Streaming(cancellationToken));
            await foreach (var item in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                rows.Write(item);
            }

            rows.Finish();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<bool> FullOption() => new("--full") { Description = "Include each event's raw request parameters and response elements." };
}
