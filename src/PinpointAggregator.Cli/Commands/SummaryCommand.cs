using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Cli.Remote;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Commands;

/// <summary>
/// <c>summary</c>: the organization's totals (GetOrganizationSummary); with <c>--output json --scan-shape</c>,
/// GetScanSummary's JSON verbatim, the shape of <c>scan</c>'s summary, to diff against an offline scan.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var accounts = EventFilterOptions.List("--account", "Only these accounts.");
        var topCallers = new Option<int>("--top-callers") { Description = "How many top callers to list (0: the service's default of 10; at most 100)." };
        var days = new Option<int>("--days") { Description = "How many UTC days events_by_day covers, ending with the newest event's day (0: the service's default of 30)." };
        var scanShape = new Option<bool>("--scan-shape") { Description = "With --output json: print the applications in exactly the JSON shape of `pinpoint-audit scan`." };
        var command = new Command("summary", "What the organization's Pinpoint audit adds up to: accounts, regions, applications, events by action and day, errors, top callers.")
        {
            accounts, topCallers, days, scanShape,
        };
        var options = new ServiceOptions();
        ServiceCommand.SetAction(command, "summary", options, environment, async (parse, run, cancellationToken) =>
        {
            if (parse.GetValue(scanShape))
            {
                if (run.Format != OutputFormat.Json)
                {
                    throw new UsageException("--scan-shape prints JSON: give --output json");
                }

                if (parse.GetValue(accounts) is { Length: > 0 } || parse.GetValue(topCallers) != 0 || parse.GetValue(days) != 0)
                {
                    throw new UsageException("--scan-shape covers every account the caller may see: leave out --account, --top-callers and --days");
                }

                var scan = await run.Connection.Organization.GetScanSummaryAsync(new GetScanSummaryRequest(), run.Connection.Unary(cancellationToken));
                await run.Out.WriteAsync(scan.Json.EndsWith('\n') ? scan.Json : scan.Json + "\n");
                return ExitCodes.Success;
            }

            var request = new GetOrganizationSummaryRequest { TopCallers = parse.GetValue(topCallers), Days = parse.GetValue(days) };
            request.Accounts.AddRange(EventFilterOptions.Values(parse, accounts));
            var summary = await run.Connection.Organization.GetOrganizationSummaryAsync(request, run.Connection.Unary(cancellationToken));
            Print(run, summary);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The summary as one table or CSV of section, key and value rows: the totals first, then each breakdown.</summary>
    internal static IReadOnlyList<(string Section, string Key, string Value)> Rows(OrganizationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<(string, string, string)>
        {
            ("totals", "accounts", Number(summary.Accounts)),
            ("totals", "regions", Number(summary.Regions)),
            ("totals", "applications_alive", Number(summary.ApplicationsAlive)),
            ("totals", "applications_deleted", Number(summary.ApplicationsDeleted)),
            ("totals", "events", Number(summary.Events)),
            ("totals", "errors", Number(summary.Errors)),
            ("totals", "account_level_events", Number(summary.AccountLevelEvents)),
            ("totals", "unresolved_targets", Number(summary.UnresolvedTargets)),
            ("totals", "last_discovery_time", Time(summary.LastDiscoveryTime)),
        };
        rows.AddRange(summary.EventsByAction.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => ("events_by_action", a.Key, Number(a.Value))));
        rows.AddRange(summary.EventsByDay.Select(d => ("events_by_day", d.Day, Number(d.Events))));
        rows.AddRange(summary.ErrorsByCode.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => ("errors_by_code", e.Key, Number(e.Value))));
        rows.AddRange(summary.TopCallers.Select(c => ("top_callers", c.Caller, Number(c.Events))));
        return rows;
    }

    private static readonly IReadOnlyList<Column<(string Section, string Key, string Value)>> RowColumns =
    [
        new("section", r => r.Section),
        new("key", r => r.Key),
        new("value", r => r.Value),
    ];

    private static void Print(ServiceInvocation run, OrganizationSummary summary)
    {
        var rows = Rows(summary);
        if (run.Format != OutputFormat.Table)
        {
            run.Print(summary, RowColumns, rows);
            return;
        }

        TextTable.WriteFields(run.Out, rows.Where(r => r.Section == "totals").Select(r => (r.Key.Replace('_', ' '), r.Value)));
        foreach (var (section, header) in new[] { ("events_by_action", "event_name"), ("events_by_day", "day"), ("errors_by_code", "error_code"), ("top_callers", "caller") })
        {
            var part = rows.Where(r => r.Section == section).ToList();
            if (part.Count > 0)
            {
                run.Out.WriteLine();
                TextTable.Write(run.Out, [new(header, r => r.Key), new(section == "errors_by_code" ? "errors" : "events", r => r.Value, Numeric: true)], part, run.Wide);
            }
        }
    }
}
