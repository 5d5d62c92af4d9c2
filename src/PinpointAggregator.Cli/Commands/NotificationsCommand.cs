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
/// <c>notifications</c>: how many prefixes poll, follow notifications or fell back to polling, each configured
/// queue's counts (in total, or per silo with <c>--silos</c>), and the prefixes in FALLBACK; exit 3 when there is
/// any, as <c>integrity</c> exits 3 on violations: notifications stopped while files kept arriving.
/// </summary>
internal static class NotificationsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliEnvironment environment)
    {
        var silos = new Option<bool>("--silos") { Description = "One row per queue and silo instead of one per queue." };
        var paging = PagingOptions.AllByDefault();
        var command = new Command("notifications", "Notification-driven ingestion: prefixes per mode (polling, notified, FALLBACK), each queue's messages received, deleted and set aside by reason, oldest message age, p99 latency, messages waiting and in flight; exit 3 when a prefix is in FALLBACK.")
        {
            silos,
        };
        paging.AddTo(command);
        ServiceCommand.SetAction(command, "notifications", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var queues = await run.Connection.Organization.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), run.Connection.Unary(cancellationToken));
            var accounts = await AccountPages.ReadAsync(run, paging.Read(parse), problemsOnly: false, cancellationToken);
            var prefixes = accounts.Rows.SelectMany(a => a.Prefixes).ToList();
            var totals = PrefixModeTotals.Of(prefixes);
            var fallback = prefixes.Where(p => IngestionModeNames.Notifications(p).Mode == PrefixIngestionMode.Fallback).OrderBy(p => p.Location, StringComparer.Ordinal).ToList();
            var perSilo = parse.GetValue(silos);
            var rows = queues.Queues.SelectMany(q => perSilo ? NotificationQueueRow.Silos(q) : [NotificationQueueRow.Total(q)]).ToList();
            var columns = perSilo ? NotificationQueueColumns.PerSilo : NotificationQueueColumns.Totals;
            Print(run, queues, totals, fallback, columns, rows);
            accounts.NoteMore(run);
            return totals.PrefixesFallback > 0 ? ExitCodes.NotificationFallback : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The prefix totals as name and value pairs, FALLBACK among the modes in capitals as in <c>status</c>.</summary>
    internal static IReadOnlyList<(string Name, string Value)> Totals(NotificationSummary totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return
        [
            ("prefixes", Number(totals.Prefixes)),
            (IngestionModeNames.Polling, Number(totals.PrefixesPolling)),
            (IngestionModeNames.Notified, Number(totals.PrefixesNotified)),
            (IngestionModeNames.Fallback, Number(totals.PrefixesFallback)),
            ("files notified", Number(totals.FilesNotified)),
            ("notified already done", Number(totals.NotifiedAlreadyDone)),
            ("notified late", Number(totals.NotifiedLate)),
            ("fallbacks", Number(totals.Fallbacks)),
            ("last notification", Time(totals.LastNotificationTime)),
            ("oldest fallback since", Time(totals.OldestFallbackSince)),
        ];
    }

    private static readonly IReadOnlyList<Column<Prefix>> FallbackColumns =
    [
        new("account", p => p.Account),
        new("region", p => p.Region),
        new("fallback_since", p => Time(IngestionModeNames.Notifications(p).FallbackSince)),
        new("last_notification_time", p => Time(IngestionModeNames.Notifications(p).LastNotificationTime)),
        new("fallback_reason", p => IngestionModeNames.Notifications(p).FallbackReason),
        new("location", p => p.Location, Detail: true, Whole: true),
    ];

    private static void Print(
        ServiceInvocation run, ListNotificationQueuesResponse queues, NotificationSummary totals, List<Prefix> fallback,
        IReadOnlyList<Column<NotificationQueueRow>> columns, List<NotificationQueueRow> rows)
    {
        switch (run.Format)
        {
            case OutputFormat.Json:
                // One document: the queues as the service answers them, the prefix totals, and the prefixes in FALLBACK with what names them.
                var document = new JsonObject
                {
                    ["queues"] = JsonNode.Parse(JsonFormatter.Default.Format(queues))!["queues"]?.DeepClone() ?? new JsonArray(),
                    ["prefixes"] = JsonNode.Parse(JsonFormatter.Default.Format(totals)),
                    ["fallback"] = new JsonArray([.. fallback.Select(p => JsonNode.Parse(JsonFormatter.Default.Format(new Prefix
                    {
                        Name = p.Name, Account = p.Account, Region = p.Region, Location = p.Location, Notifications = IngestionModeNames.Notifications(p),
                    })))]),
                };
                run.Out.WriteLine(document.ToJsonString(Indented));
                break;
            case OutputFormat.Csv:
                CsvText.Write(run.Out, columns, rows);
                break;
            default:
                TextTable.WriteFields(run.Out, Totals(totals));
                run.Out.WriteLine();
                if (queues.Queues.Count == 0)
                {
                    run.Note("no notification queue is configured (Ingestion:Notifications:Queues): every prefix polls");
                }
                else
                {
                    TextTable.Write(run.Out, columns, rows, run.Wide);
                }

                if (fallback.Count > 0)
                {
                    run.Out.WriteLine();
                    TextTable.Write(run.Out, FallbackColumns, fallback, run.Wide);
                }

                break;
        }
    }
}
