using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>An application of a list as a row.</summary>
internal static class ApplicationColumns
{
    public static readonly IReadOnlyList<Column<ApplicationSummary>> All =
    [
        new("account", a => a.Account),
        new("region", a => a.Region),
        new("application_id", a => a.ApplicationId),
        new("display_name", a => a.DisplayName),
        new("deleted", a => Flag(a.Deleted)),
        new("events", a => Number(a.Events), Numeric: true),
        new("errors", a => Number(a.Errors), Numeric: true),
        new("first_event_time", a => Time(a.FirstEventTime)),
        new("last_event_time", a => Time(a.LastEventTime)),
        new("created", a => Change(a.Created), Detail: true),
        new("deleted_by", a => Change(a.DeletedBy), Detail: true),
        new("name", a => a.Name, Detail: true),
    ];
}
