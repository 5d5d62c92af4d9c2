using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>An account as a row: its role's health and what its prefixes add up to (their modes, integrity violations and the oldest validated-through time among them).</summary>
internal static class AccountColumns
{
    public static readonly IReadOnlyList<Column<Account>> All =
    [
        new("account", a => a.Account_),
        new("role_healthy", a => a.Role is null ? string.Empty : Flag(a.Role.Healthy)),
        new("prefixes", a => Number(a.Prefixes.Count), Numeric: true),
        new("caught_up", a => Number(a.Prefixes.Count(p => p.CaughtUp)), Numeric: true),
        new("paused", a => Number(a.Prefixes.Count(p => p.Paused)), Numeric: true),
        new("mode", a => IngestionModeNames.Of(a.Notifications)),
        new("events", a => Number(a.Prefixes.Sum(p => p.Events)), Numeric: true),
        new("account_level_events", a => Number(a.AccountLevelEvents), Numeric: true),
        new("quarantined", a => Number(a.Prefixes.Sum(p => p.FilesQuarantined)), Numeric: true),
        new("set_aside", a => Number(a.Prefixes.Sum(p => p.EventsSetAside)), Numeric: true),
        new("missed", a => Number(a.Prefixes.Sum(p => p.FilesMissed)), Numeric: true),
        new("violations", a => Number(a.Integrity?.Violations ?? 0), Numeric: true),
        new("role_error", a => a.Role?.LastErrorCode ?? string.Empty),
        new("regions", a => List(a.Prefixes.Select(p => p.Region).Distinct(StringComparer.Ordinal)), Detail: true),
        new("role_arn", a => a.Role?.RoleArn ?? string.Empty, Detail: true),
        new("role_last_success_time", a => Time(a.Role?.LastSuccessTime), Detail: true),
        new("role_consecutive_failures", a => a.Role is null ? string.Empty : Number(a.Role.ConsecutiveFailures), Numeric: true, Detail: true),
        new("unresolved_targets", a => Number(a.UnresolvedTargets), Numeric: true, Detail: true),
        new("regions_ignored", a => List(a.RegionsIgnored), Detail: true),
        new("validated_through", a => Time(a.Integrity?.OldestValidatedThrough), Detail: true),
        new("prefixes_notified", a => Number(a.Notifications?.PrefixesNotified ?? 0), Numeric: true, Detail: true),
        new("prefixes_fallback", a => Number(a.Notifications?.PrefixesFallback ?? 0), Numeric: true, Detail: true),
        new("last_notification_time", a => Time(a.Notifications?.LastNotificationTime), Detail: true),
    ];
}
