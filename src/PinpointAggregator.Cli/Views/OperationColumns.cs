using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>Something running or waiting, as a row.</summary>
internal static class OperationColumns
{
    public static readonly IReadOnlyList<Column<Operation>> All =
    [
        new("kind", o => KindName(o.Kind)),
        new("account", o => o.Account),
        new("region", o => o.Region),
        new("since", o => Time(o.Since)),
        new("detail", o => o.Detail),
        new("prefix", o => o.Prefix, Detail: true),
    ];

    /// <summary><c>reread</c> for <c>KIND_REREAD</c>.</summary>
    public static string KindName(Operation.Types.Kind kind) => kind switch
    {
        Operation.Types.Kind.Backfill => "backfill",
        Operation.Types.Kind.Reread => "reread",
        Operation.Types.Kind.Paused => "paused",
        Operation.Types.Kind.Retrying => "retrying",
        Operation.Types.Kind.Reconcile => "reconcile",
        _ => "unspecified",
    };
}
