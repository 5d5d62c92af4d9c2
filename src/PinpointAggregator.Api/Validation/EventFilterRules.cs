using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Validation;

/// <summary>
/// Checks an <see cref="EventFilter"/> field by field and turns it into the store's <see cref="EventQuery"/>.
/// The accounts it names come back apart: the caller's scope decides what the query may read (<see cref="Security.AccountScope"/>).
/// </summary>
internal static class EventFilterRules
{
    public static (EventQuery Query, IReadOnlyList<string> Accounts) ToQuery(EventFilter? filter, string field, ApiOptions options, FieldViolations violations)
    {
        filter ??= new EventFilter();

        // In the order of the message's fields, so the violations read in that order.
        var accounts = FieldRules.AccountIds(filter.Accounts, $"{field}.accounts", violations);
        var regions = FieldRules.Regions(filter.Regions, $"{field}.regions", violations);
        var applications = FieldRules.ApplicationIds(filter.Applications, $"{field}.applications", violations);
        var actions = FieldRules.Actions(filter.Actions, $"{field}.actions", violations);
        var callers = FieldRules.Texts(filter.Callers, $"{field}.callers", RequestLimits.MaxCallerLength, violations);
        var (from, until) = FieldRules.TimeRange(filter.StartTime, filter.EndTime, $"{field}.start_time", $"{field}.end_time", required: false, violations);
        var query = new EventQuery
        {
            Regions = regions,
            Applications = applications,
            Actions = actions,
            Callers = callers,
            From = from,
            Until = until,
            ReadOnly = filter.HasReadOnly ? filter.ReadOnly : null,
            ErrorsOnly = filter.ErrorsOnly,
            ErrorCodes = FieldRules.Texts(filter.ErrorCodes, $"{field}.error_codes", RequestLimits.MaxValueLength, violations),
            SourceIps = FieldRules.Texts(filter.SourceIps, $"{field}.source_ips", RequestLimits.MaxValueLength, violations),
            Text = Text(filter, field, from, until, options, violations),
        };
        return (query, accounts);
    }

    /// <summary>
    /// Free text is matched inside each event's raw request, so it needs a time range to bound the work: both
    /// ends set, at most <see cref="ApiOptions.MaxTextSearchDays"/> apart.
    /// </summary>
    private static string? Text(EventFilter filter, string field, DateTime? from, DateTime? until, ApiOptions options, FieldViolations violations)
    {
        var text = filter.Text;
        if (text.Length == 0)
        {
            return null;
        }

        var valid = true;
        if (text.Length is < RequestLimits.MinTextLength or > RequestLimits.MaxTextLength)
        {
            violations.Add($"{field}.text", $"must be {RequestLimits.MinTextLength} to {RequestLimits.MaxTextLength} characters");
            valid = false;
        }

        if (filter.StartTime is null || filter.EndTime is null)
        {
            violations.Add($"{field}.text", $"needs a time range ({field}.start_time and {field}.end_time) of at most {options.MaxTextSearchDays} days");
            valid = false;
        }
        else if (from is { } a && until is { } b && b - a > TimeSpan.FromDays(options.MaxTextSearchDays))
        {
            violations.Add($"{field}.text", $"searches at most {options.MaxTextSearchDays} days (Api:MaxTextSearchDays): narrow {field}.start_time and {field}.end_time");
            valid = false;
        }

        return valid ? text : null;
    }
}
