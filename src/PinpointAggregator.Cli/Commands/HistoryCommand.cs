using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;

namespace PinpointAggregator.Cli.Commands;

/// <summary><c>history APP --kind KIND [--id ID]</c>: the events that changed one resource of an application (ListResourceHistory).</summary>
internal static class HistoryCommand
{
    private static readonly Dictionary<string, ResourceKind> Kinds = new(StringComparer.Ordinal)
    {
        ["application"] = ResourceKind.Application,
        ["channel"] = ResourceKind.Channel,
        ["campaign"] = ResourceKind.Campaign,
        ["segment"] = ResourceKind.Segment,
        ["import-job"] = ResourceKind.ImportJob,
        ["event-stream"] = ResourceKind.EventStream,
        ["settings"] = ResourceKind.Settings,
    };

    public static Command Create(CliEnvironment environment)
    {
        var app = new Argument<string>("application") { Description = "accounts/ACCOUNT/regions/REGION/applications/ID, ACCOUNT/REGION/ID, or the bare id." };
        var kind = new Option<string>("--kind") { Description = "application, channel, campaign, segment, import-job, event-stream or settings.", Required = true };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var id = new Option<string?>("--id") { Description = "The campaign, segment or import job id, or the channel type (such as Sms); none for the others." };
        var includeReads = new Option<bool>("--include-reads") { Description = "Reads (Get...) as well as changes." };
        var order = OrderOption.Create();
        var paging = PagingOptions.LimitedTo(100);
        var command = new Command("history", "The events that changed (or tried to change) one resource of an application, from the event store.")
        {
            app, kind, id, includeReads, order,
        };
        paging.AddTo(command);
        ServiceCommand.SetAction(command, "history", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var resourceKind = Kinds[parse.GetValue(kind)!];
            var resourceId = parse.GetValue(id) ?? string.Empty;
            if (resourceId.Length == 0 && resourceKind is ResourceKind.Channel or ResourceKind.Campaign or ResourceKind.Segment or ResourceKind.ImportJob)
            {
                throw new UsageException($"--kind {parse.GetValue(kind)} needs --id");
            }

            var request = new ListResourceHistoryRequest
            {
                Application = await ApplicationReference.ResolveAsync(parse.GetValue(app)!, run, cancellationToken),
                Kind = resourceKind,
                ResourceId = resourceId,
                IncludeReads = parse.GetValue(includeReads),
                Order = OrderOption.Read(parse, order),
            };
            var pages = await Pages.ReadAsync<Event>(paging.Read(parse), async (token, size) =>
            {
                var call = request.Clone();
                call.PageSize = size;
                call.PageToken = token;
                var page = await run.Connection.Applications.ListResourceHistoryAsync(call, run.Connection.Unary(cancellationToken));
                return (page.Events, page.NextPageToken);
            });
            run.Print(new ListResourceHistoryResponse { Events = { pages.Rows }, NextPageToken = pages.NextPageToken }, EventColumns.All, pages.Rows);
            pages.NoteMore(run);
            return ExitCodes.Success;
        });
        return command;
    }
}
