using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>What prefixes set aside, one row per item with its prefix's account and region (<c>status --list</c>).</summary>
internal static class PrefixProblemColumns
{
    public static readonly IReadOnlyList<Column<(Prefix Prefix, QuarantinedFile File)>> Quarantined =
    [
        new("account", r => r.Prefix.Account),
        new("region", r => r.Prefix.Region),
        new("time", r => Time(r.File.Time)),
        new("kind", r => r.File.Kind),
        new("reason", r => r.File.Reason),
        new("key", r => r.File.Key, Whole: true),
        new("records_read_before_error", r => Number(r.File.RecordsReadBeforeError), Numeric: true, Detail: true),
    ];

    public static readonly IReadOnlyList<Column<(Prefix Prefix, SetAsideEvents Events)>> SetAside =
    [
        new("account", r => r.Prefix.Account),
        new("region", r => r.Prefix.Region),
        new("time", r => Time(r.Events.Time)),
        new("target", r => r.Events.Target),
        new("events", r => Number(r.Events.Events), Numeric: true),
        new("reason", r => r.Events.Reason),
        new("event_ids", r => List(r.Events.EventIds), Detail: true),
    ];

    public static readonly IReadOnlyList<Column<(Prefix Prefix, MissedFile File)>> Missed =
    [
        new("account", r => r.Prefix.Account),
        new("region", r => r.Prefix.Region),
        new("name_time", r => Time(r.File.NameTime)),
        new("late", r => Duration(r.File.Late), Numeric: true),
        new("found_time", r => Time(r.File.FoundTime)),
        new("key", r => r.File.Key, Whole: true),
    ];

    public static readonly IReadOnlyList<Column<(Prefix Prefix, FutureDatedKey Key)>> FutureDated =
    [
        new("account", r => r.Prefix.Account),
        new("region", r => r.Prefix.Region),
        new("name_time", r => Time(r.Key.NameTime)),
        new("seen_time", r => Time(r.Key.SeenTime)),
        new("key", r => r.Key.Key, Whole: true),
    ];
}
