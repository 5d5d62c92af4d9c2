using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;

namespace PinpointAggregator.Cli.Commands;

/// <summary>
/// <c>status</c>: the ingestion status of every prefix (lag, last poll, what was quarantined, set aside,
/// missed or future-dated); <c>--list KIND</c> lists those items themselves.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var problemsOnly = new Option<bool>("--problems-only") { Description = "Only accounts with a failing role or prefix, quarantined files, set-aside events, missed files, integrity violations or a prefix in notification FALLBACK." };
        var list = new Option<string?>("--list") { Description = "List the items instead of the prefixes: quarantined, set-aside, missed or future-dated." };
        list.AcceptOnlyFromAmong("quarantined", "set-aside", "missed", "future-dated");
        var paging = PagingOptions.AllByDefault();
        var command = new Command("status", "Ingestion status: each account's prefixes with their mode (polling, notified, FALLBACK), lag, last poll, quarantined files, set-aside events, missed files, future-dated keys, and integrity validated through and violations.")
        {
            problemsOnly, list,
        };
        paging.AddTo(command);
        ServiceCommand.SetAction(command, "status", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var pages = await AccountPages.ReadAsync(run, paging.Read(parse), parse.GetValue(problemsOnly), cancellationToken);
            var response = new ListAccountsResponse { Accounts = { pages.Rows }, NextPageToken = pages.NextPageToken };
            var prefixes = pages.Rows.SelectMany(a => a.Prefixes).ToList();
            switch (parse.GetValue(list))
            {
                case "quarantined":
                    run.Print(response, PrefixProblemColumns.Quarantined, prefixes.SelectMany(p => p.Quarantined.Select(q => (p, q))));
                    break;
                case "set-aside":
                    run.Print(response, PrefixProblemColumns.SetAside, prefixes.SelectMany(p => p.SetAside.Select(s => (p, s))));
                    break;
                case "missed":
                    run.Print(response, PrefixProblemColumns.Missed, prefixes.SelectMany(p => p.Missed.Select(m => (p, m))));
                    break;
                case "future-dated":
                    run.Print(response, PrefixProblemColumns.FutureDated, prefixes.SelectMany(p => p.FutureDated.Select(f => (p, f))));
                    break;
                default:
                    run.Print(response, PrefixColumns.All, prefixes);
                    break;
            }

            pages.NoteMore(run);
            return ExitCodes.Success;
        });
        return command;
    }
}
