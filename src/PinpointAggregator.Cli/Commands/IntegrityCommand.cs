using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Commands;

/// <summary>
/// <c>integrity</c>: how far each prefix's logs and digests are validated and what was found, over the accounts
/// asked (exit 3 when there is any violation); <c>integrity findings</c>: the findings themselves.
/// </summary>
internal static class IntegrityCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliEnvironment environment)
    {
        var accounts = EventFilterOptions.List("--account", "Only these accounts.");
        var command = new Command("integrity", "Log-file integrity: validated-through time and violations by kind per prefix, and in total; exit 3 when any violation was found.")
        {
            accounts,
            Findings(environment),
        };
        ServiceCommand.SetAction(command, "integrity", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var named = EventFilterOptions.Values(parse, accounts).ToList();
            var request = new GetIntegritySummaryRequest { Accounts = { named } };
            var summary = await run.Connection.Integrity.GetIntegritySummaryAsync(request, run.Connection.Unary(cancellationToken));
            var prefixes = await PrefixesAsync(run, named, cancellationToken);
            Print(run, summary, prefixes);
            return summary.Violations > 0 ? ExitCodes.IntegrityViolations : ExitCodes.Success;
        });
        return command;
    }

    private static Command Findings(CliEnvironment environment)
    {
        var accounts = EventFilterOptions.List("--account", "12-digit AWS account ids.");
        var region = new Option<string?>("--region") { Description = "One AWS region, such as us-east-1." };
        var kinds = EventFilterOptions.List("--kind", "Finding kinds, such as LogModified, DigestMissing or Gap (docs/integrity.md).");
        var violationsOnly = new Option<bool>("--violations-only") { Description = "Leave out gaps and unverifiable signatures." };
        var since = new Option<string?>("--since") { Description = "Found at or after this time: 2024-06-01, 2024-06-01T12:00:00Z, or 24h (ago)." };
        var until = new Option<string?>("--until") { Description = "Found before this time (same forms as --since)." };
        var paging = PagingOptions.LimitedTo(100);
        var command = new Command("findings", "The integrity findings, newest found first; --all follows every page.")
        {
            accounts, region, kinds, violationsOnly, since, until,
        };
        paging.AddTo(command);
        ServiceCommand.SetAction(command, "integrity findings", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var now = environment.Clock.GetUtcNow();
            var request = new ListIntegrityFindingsRequest
            {
                Region = parse.GetValue(region) ?? string.Empty,
                ViolationsOnly = parse.GetValue(violationsOnly),
                FoundStartTime = TimeText.ParseOptional("--since", parse.GetValue(since), now),
                FoundEndTime = TimeText.ParseOptional("--until", parse.GetValue(until), now),
            };
            request.Accounts.AddRange(EventFilterOptions.Values(parse, accounts));
            request.Kinds.AddRange(EventFilterOptions.Values(parse, kinds).Select(k => IntegrityKindNames.Parse("--kind", k)));
            var pages = await Pages.ReadAsync<IntegrityFinding>(paging.Read(parse), async (token, size) =>
            {
                var call = request.Clone();
                call.PageSize = size;
                call.PageToken = token;
                var page = await run.Connection.Integrity.ListIntegrityFindingsAsync(call, run.Connection.Unary(cancellationToken));
                return (page.Findings, page.NextPageToken);
            });
            run.Print(new ListIntegrityFindingsResponse { Findings = { pages.Rows }, NextPageToken = pages.NextPageToken }, IntegrityFindingColumns.All, pages.Rows);
            pages.NoteMore(run);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every prefix of the accounts asked (all the caller may see when none), from ListAccounts or GetAccount.</summary>
    private static async Task<IReadOnlyList<Prefix>> PrefixesAsync(ServiceInvocation run, List<string> named, CancellationToken cancellationToken)
    {
        if (named.Count == 0)
        {
            var pages = await AccountPages.ReadAsync(run, new PageRequest(1000, string.Empty, null), problemsOnly: false, cancellationToken);
            return [.. pages.Rows.SelectMany(a => a.Prefixes)];
        }

        var prefixes = new List<Prefix>();
        foreach (var account in named.Distinct(StringComparer.Ordinal))
        {
            // An account that was never discovered has no prefixes (its findings, if any, are still counted).
            try
            {
                var found = await run.Connection.Organization.GetAccountAsync(new GetAccountRequest { Name = "accounts/" + account }, run.Connection.Unary(cancellationToken));
                prefixes.AddRange(found.Prefixes);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                run.Note($"account {account} has not been discovered: no prefixes");
            }
        }

        return prefixes;
    }

    /// <summary>The totals as name and value pairs, in the order of the summary message.</summary>
    internal static IReadOnlyList<(string Name, string Value)> Totals(IntegritySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return
        [
            ("violations", Number(summary.Violations)),
            ("prefixes", Number(summary.Prefixes)),
            ("prefixes validated", Number(summary.PrefixesValidated)),
            ("prefixes with violations", Number(summary.PrefixesWithViolations)),
            ("oldest validated through", Time(summary.OldestValidatedThrough)),
            ("largest lag", Duration(summary.LargestValidatedThroughLag)),
            ("digests checked", Number(summary.DigestsChecked)),
            ("digests waiting", Number(summary.DigestsWaiting)),
            ("prefixes failing", Number(summary.PrefixesFailing)),
            ("prefixes not validating", Number(summary.PrefixesDisabled)),
        ];
    }

    private static void Print(ServiceInvocation run, IntegritySummary summary, IReadOnlyList<Prefix> prefixes)
    {
        switch (run.Format)
        {
            case OutputFormat.Json:
                // One document: the summary, and each prefix's integrity with what names the prefix.
                var document = new JsonObject
                {
                    ["summary"] = JsonNode.Parse(JsonFormatter.Default.Format(summary)),
                    ["prefixes"] = new JsonArray([.. prefixes.Select(p => JsonNode.Parse(JsonFormatter.Default.Format(new Prefix
                    {
                        Name = p.Name, Account = p.Account, Region = p.Region, Location = p.Location, Integrity = PrefixIntegrityColumns.Of(p),
                    })))]),
                };
                run.Out.WriteLine(document.ToJsonString(Indented));
                break;
            case OutputFormat.Csv:
                CsvText.Write(run.Out, PrefixIntegrityColumns.All, prefixes);
                break;
            default:
                TextTable.WriteFields(run.Out, Totals(summary));
                if (summary.FindingsByKind.Count > 0)
                {
                    run.Out.WriteLine();
                    TextTable.Write(run.Out,
                    [
                        new("kind", (IntegrityKindCount k) => IntegrityKindNames.Of(k.Kind)),
                        new("violation", k => Flag(k.Violation)),
                        new("findings", k => Number(k.Count), Numeric: true),
                    ], summary.FindingsByKind, run.Wide);
                }

                run.Out.WriteLine();
                TextTable.Write(run.Out, PrefixIntegrityColumns.All, prefixes, run.Wide);
                break;
        }
    }
}
