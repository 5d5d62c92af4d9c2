using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;

namespace PinpointAggregator.Cli.Commands;

/// <summary><c>apps list</c> (ListApplications with its filters) and <c>apps show NAME</c> (GetApplication).</summary>
internal static class AppsCommand
{
    public static Command Create(CliEnvironment environment) => new("apps", "The organization's Pinpoint applications.")
    {
        List(environment),
        Show(environment),
    };

    private static Command List(CliEnvironment environment)
    {
        var accounts = EventFilterOptions.List("--account", "12-digit AWS account ids.");
        var regions = EventFilterOptions.List("--region", "AWS regions.");
        var lifecycle = new Option<string?>("--lifecycle") { Description = "alive or deleted (default: both)." };
        lifecycle.AcceptOnlyFromAmong("alive", "deleted");
        var name = new Option<string?>("--name") { Description = "Text the application's display name contains (case-insensitive)." };
        var activeSince = new Option<string?>("--active-since") { Description = "Only applications with an event at or after this time: 2024-06-01, 2024-06-01T12:00:00Z, or 7d (ago)." };
        var hasErrors = new Option<bool>("--has-errors") { Description = "Only applications with at least one failed call." };
        var paging = PagingOptions.AllByDefault();
        var command = new Command("list", "Applications across the organization, by account, region and id.")
        {
            accounts, regions, lifecycle, name, activeSince, hasErrors,
        };
        paging.AddTo(command);
        ServiceCommand.SetAction(command, "apps list", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var filter = new ListApplicationsRequest
            {
                Lifecycle = parse.GetValue(lifecycle) switch
                {
                    "alive" => LifecycleFilter.Alive,
                    "deleted" => LifecycleFilter.Deleted,
                    _ => LifecycleFilter.Unspecified,
                },
                NameContains = parse.GetValue(name) ?? string.Empty,
                ActiveSince = TimeText.ParseOptional("--active-since", parse.GetValue(activeSince), environment.Clock.GetUtcNow()),
                HasErrors = parse.GetValue(hasErrors),
            };
            filter.Accounts.AddRange(EventFilterOptions.Values(parse, accounts));
            filter.Regions.AddRange(EventFilterOptions.Values(parse, regions));
            var pages = await Pages.ReadAsync<ApplicationSummary>(paging.Read(parse), async (token, size) =>
            {
                var request = filter.Clone();
                request.PageSize = size;
                request.PageToken = token;
                var page = await run.Connection.Applications.ListApplicationsAsync(request, run.Connection.Unary(cancellationToken));
                return (page.Applications, page.NextPageToken);
            });
            run.Print(new ListApplicationsResponse { Applications = { pages.Rows }, NextPageToken = pages.NextPageToken }, ApplicationColumns.All, pages.Rows);
            pages.NoteMore(run);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "accounts/ACCOUNT/regions/REGION/applications/ID, ACCOUNT/REGION/ID, or the bare id." };
        var command = new Command("show", "One application's audit state: lifecycle, channels, campaigns, segments, import jobs, event stream, settings, activity.")
        {
            name,
        };
        ServiceCommand.SetAction(command, "apps show", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var resource = await ApplicationReference.ResolveAsync(parse.GetValue(name)!, run, cancellationToken);
            var application = await run.Connection.Applications.GetApplicationAsync(new GetApplicationRequest { Name = resource }, run.Connection.Unary(cancellationToken));
            ApplicationView.Print(run, application);
            return ExitCodes.Success;
        });
        return command;
    }
}
