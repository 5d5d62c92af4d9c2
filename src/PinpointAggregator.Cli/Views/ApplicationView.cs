using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Cli.Remote;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>
/// <c>apps show</c>: a table has the application's fields, its resources, and its activity by action, error
/// code, caller and recent event; CSV has the resource rows; JSON the whole <see cref="Application"/>.
/// </summary>
internal static class ApplicationView
{
    public static readonly IReadOnlyList<Column<ResourceRow>> ResourceColumns =
    [
        new("resource", r => r.Resource),
        new("id", r => r.Id),
        new("created", r => Change(r.Created)),
        new("last_change", r => Change(r.LastChange)),
        new("deleted", r => Change(r.Deleted)),
        new("changes", r => r.Changes is { } n ? Number(n) : string.Empty, Numeric: true),
        new("state", r => r.State),
    ];

    private static readonly IReadOnlyList<Column<RecentEvent>> RecentColumns =
    [
        new("time", e => Time(e.Time)),
        new("event_name", e => e.EventName),
        new("caller", e => e.Caller),
        new("error_code", e => e.ErrorCode),
        new("resource_id", e => e.ResourceId),
        new("event_id", e => e.EventId),
        new("source_ip", e => e.SourceIp, Detail: true),
    ];

    public static void Print(ServiceInvocation run, Application application)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(application);
        var resources = ResourceRow.Of(application);
        if (run.Format != OutputFormat.Table)
        {
            run.Print(application, ResourceColumns, resources);
            return;
        }

        var activity = application.Activity ?? new Activity();
        TextTable.WriteFields(run.Out, Fields(application, activity));
        Section(run, ResourceColumns, resources);
        Section(run, Counts("event_name", "events"), Ordered(activity.ByAction));
        Section(run, Counts("error_code", "errors"), Ordered(activity.ErrorCodes));
        Section(run, Counts("caller", "events"), Ordered(activity.Callers));
        Section(run, RecentColumns, activity.Recent);
    }

    /// <summary>The application's own fields, as the table's first block shows them.</summary>
    public static IEnumerable<(string Name, string Value)> Fields(Application application, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(activity);
        yield return ("name", application.Name);
        yield return ("display name", application.DisplayName);
        yield return ("created", Change(application.Created));
        yield return ("deleted", Change(application.Deleted));
        yield return ("events", Number(activity.Events));
        yield return ("reads", Number(activity.Reads));
        yield return ("writes", Number(activity.Writes));
        yield return ("errors", Number(activity.Errors));
        yield return ("duplicates ignored", Number(activity.DuplicatesIgnored));
        yield return ("unresolved targets", Number(activity.UnresolvedTargets));
        yield return ("first event", Time(activity.FirstEventTime));
        yield return ("last event", Time(activity.LastEventTime));
    }

    private static IReadOnlyList<Column<KeyValuePair<string, long>>> Counts(string key, string count) =>
        [new(key, c => c.Key), new(count, c => Number(c.Value), Numeric: true)];

    private static List<KeyValuePair<string, long>> Ordered(IDictionary<string, long> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    private static void Section<T>(ServiceInvocation run, IReadOnlyList<Column<T>> columns, IReadOnlyCollection<T> rows)
    {
        if (rows.Count > 0)
        {
            run.Out.WriteLine();
            TextTable.Write(run.Out, columns, rows, run.Wide);
        }
    }
}
