using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>An integrity finding as a row.</summary>
internal static class IntegrityFindingColumns
{
    public static readonly IReadOnlyList<Column<IntegrityFinding>> All =
    [
        new("found_time", f => Time(f.FoundTime)),
        new("account", f => f.Account),
        new("region", f => f.Region),
        new("kind", f => IntegrityKindNames.Of(f.Kind)),
        new("violation", f => Flag(f.Violation)),
        new("start_time", f => Time(f.StartTime)),
        new("detail", f => f.Detail),
        new("end_time", f => Time(f.EndTime), Detail: true),
        new("digest_key", f => f.DigestKey, Detail: true, Whole: true),
        new("log_key", f => f.LogKey, Detail: true, Whole: true),
        new("sequence", f => Number(f.Sequence), Numeric: true, Detail: true),
        new("prefix", f => f.Prefix, Detail: true, Whole: true),
    ];
}
