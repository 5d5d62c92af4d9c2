using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Audit.Summary;

/// <summary>
/// The scan summary's view of the audit fold: the offline scan and the live service both project the state
/// the one fold built, so they agree by construction.
/// </summary>
public static class ScanProjection
{
    /// <summary>One application's summary entry.</summary>
    public static ApplicationSummary Of(ApplicationAuditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var activity = state.Activity;
        var summary = new ApplicationSummary
        {
            Account = state.Account,
            Region = state.Region,
            Events = activity.Events,
            Errors = activity.Errors,
            FirstEventTime = Format(activity.FirstAt),
            LastEventTime = Format(activity.LastAt),
            Created = state.Created is not null,
            CreatedAt = Format(state.Created?.At),
            Deleted = state.Deleted is not null,
            DeletedAt = Format(state.Deleted?.At),
        };
        Copy(activity.ByAction, summary.ByEventName);
        Copy(activity.ErrorCodes, summary.ErrorCodes);
        return summary;
    }

    /// <summary>An account's account-level events as a <c>no_application_id</c> entry.</summary>
    public static NoApplicationSummary Of(ActivityState accountLevel)
    {
        ArgumentNullException.ThrowIfNull(accountLevel);
        var summary = new NoApplicationSummary { Events = accountLevel.Events, UnresolvedTargets = accountLevel.UnresolvedTargets };
        Copy(accountLevel.ByAction, summary.ByEventName);
        return summary;
    }

    private static void Copy(Dictionary<string, long> from, SortedDictionary<string, long> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }

    private static string? Format(DateTime? time) => time is { } t ? TrailTime.Format(new DateTimeOffset(t, TimeSpan.Zero)) : null;
}
