using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>
/// A notification queue as a row: its counts in total (<see cref="Totals"/>), or one row per silo that reports
/// it (<see cref="PerSilo"/>, the queue's own counts of waiting and in-flight messages on each).
/// </summary>
internal static class NotificationQueueColumns
{
    public static readonly IReadOnlyList<Column<NotificationQueueRow>> Totals = Columns(withSilo: false);

    public static readonly IReadOnlyList<Column<NotificationQueueRow>> PerSilo = Columns(withSilo: true);

    /// <summary><c>ForeignBucket=1 TooManyReceives=2</c>, by reason name.</summary>
    public static string Reasons(IEnumerable<KeyValuePair<string, long>> counts) =>
        List(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={Number(c.Value)}"));

    private static Column<NotificationQueueRow>[] Columns(bool withSilo) =>
    [
        new("queue", r => r.Queue.Name, Whole: true),
        .. withSilo ? [new Column<NotificationQueueRow>("silo", r => r.Silo)] : Array.Empty<Column<NotificationQueueRow>>(),
        new("received", r => Number(r.Counters.MessagesReceived), Numeric: true),
        new("deleted", r => Number(r.Counters.MessagesDeleted), Numeric: true),
        new("set_aside", r => Number(r.Counters.SetAsideByReason.Values.Sum()), Numeric: true),
        new("set_aside_by_reason", r => Reasons(r.Counters.SetAsideByReason)),
        new("oldest_message_age", r => Duration(r.Counters.OldestMessageAge), Numeric: true),
        new("latency_p99", r => Latency(r.Counters.LatencyP99), Numeric: true),
        new("visible", r => r.Queue.HasVisible ? Number(r.Queue.Visible) : string.Empty, Numeric: true),
        new("in_flight", r => r.Queue.HasInFlight ? Number(r.Queue.InFlight) : string.Empty, Numeric: true),
        new("last_receive_time", r => Time(r.Counters.LastReceiveTime)),
        new("last_error", r => r.Counters.LastError),
        new("latency_p50", r => Latency(r.Counters.LatencyP50), Numeric: true, Detail: true),
        new("keys_routed", r => Number(r.Counters.KeysRouted), Numeric: true, Detail: true),
        new("requests", r => Reasons(r.Counters.Requests), Detail: true),
        new("updated_time", r => Time(r.Queue.UpdatedTime), Detail: true),
        new("url", r => r.Queue.Url, Detail: true, Whole: true),
    ];
}
