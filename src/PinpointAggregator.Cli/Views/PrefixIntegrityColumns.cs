using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>A trail prefix's integrity validation as a row: how far it is validated, and what was found.</summary>
internal static class PrefixIntegrityColumns
{
    public static readonly IReadOnlyList<Column<Prefix>> All =
    [
        new("account", p => p.Account),
        new("region", p => p.Region),
        new("enabled", p => Flag(Of(p).Enabled)),
        new("validated_through", p => Time(Of(p).ValidatedThrough)),
        new("lag", p => Duration(Of(p).ValidatedThroughLag), Numeric: true),
        new("digests_checked", p => Number(Of(p).DigestsChecked), Numeric: true),
        new("violations", p => Number(Of(p).Violations), Numeric: true),
        new("waiting", p => Number(Of(p).DigestsWaiting), Numeric: true),
        new("findings_by_kind", p => KindCounts(Of(p).FindingsByKind)),
        new("last_error", p => Of(p).LastError),
        new("location", p => p.Location, Detail: true),
    ];

    /// <summary><c>DigestMissing=2 Gap=1</c>, most first, as the service orders them.</summary>
    public static string KindCounts(IEnumerable<IntegrityKindCount> counts) =>
        List(counts.Select(c => $"{IntegrityKindNames.Of(c.Kind)}={Number(c.Count)}"));

    /// <summary>The prefix's integrity; an empty one from a service that sends none.</summary>
    public static PrefixIntegrity Of(Prefix prefix) => prefix.Integrity ?? new PrefixIntegrity();
}
