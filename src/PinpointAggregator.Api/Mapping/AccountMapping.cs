using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Api.Resources;
using PinpointAggregator.Api.V1;
using static PinpointAggregator.Api.Mapping.ProtoTime;

namespace PinpointAggregator.Api.Mapping;

/// <summary>An account's status and its prefixes' statuses (the grains' contracts) as the API's <see cref="Account"/> message.</summary>
internal static class AccountMapping
{
    public static Account ToProto(this AccountStatus status, IEnumerable<PrefixStatus> prefixes)
    {
        ArgumentNullException.ThrowIfNull(status);
        var health = status.Health;
        var account = new Account
        {
            Name = AccountName.Format(status.Account),
            Account_ = status.Account,
            Role = new RoleHealth
            {
                RoleArn = health.RoleArn ?? string.Empty,

                // Healthy means no failure since the last success; a role not yet tried is not failing either.
                Healthy = health.ConsecutiveFailures == 0,
                LastSuccessTime = ToTimestamp(health.LastSuccessAt),
                LastFailureTime = ToTimestamp(health.LastFailureAt),
                LastErrorCode = health.LastErrorCode ?? string.Empty,
                LastErrorMessage = health.LastErrorMessage ?? string.Empty,
                ConsecutiveFailures = health.ConsecutiveFailures,
                NextAttemptTime = ToTimestamp(health.NextAttemptAt),
            },
            AccountLevelEvents = status.AccountLevel.Events,
            UnresolvedTargets = status.AccountLevel.UnresolvedTargets,
        };
        var ordered = prefixes.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        account.RegionsIgnored.AddRange(status.RegionsIgnored);
        account.Prefixes.AddRange(ordered.Select(ToProto));
        account.Integrity = IntegritySummaryBuilder.Of(ordered.Select(p => p.Integrity));
        account.Notifications = NotificationSummaryBuilder.Of(ordered.Select(p => p.Notifications));
        return account;
    }

    /// <summary>
    /// Whether an account needs attention: a failing role, a failing prefix, quarantined files, set-aside events, missed files,
    /// integrity violations, or a prefix in notification Fallback (notifications stopped while files kept arriving).
    /// </summary>
    public static bool HasProblems(AccountStatus status, IEnumerable<PrefixStatus> prefixes)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Health.ConsecutiveFailures > 0 || prefixes.Any(p =>
            p.ConsecutiveFailures > 0 || p.Counters.FilesQuarantined > 0 || p.Counters.EventsSetAside > 0 || p.Counters.FilesMissed > 0
            || p.Integrity.Violations > 0 || p.Notifications.Mode == Abstractions.Contracts.PrefixIngestionMode.Fallback);
    }

    public static Prefix ToProto(this PrefixStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var key = TrailPrefixKey.Parse(status.Key);
        var counters = status.Counters;
        var prefix = new Prefix
        {
            Name = PrefixName.Format(key),
            Account = key.Account,
            Region = key.Region,
            Location = status.Key,
            CaughtUp = status.CaughtUp,
            Paused = status.Paused,
            LastPollTime = ToTimestamp(status.LastPollAt),
            NextPollTime = ToTimestamp(status.NextPollAt),
            Lag = ToDuration(status.Lag),
            ReadThrough = ToTimestamp(status.ReadThrough),
            LastError = status.LastError ?? string.Empty,
            ConsecutiveFailures = status.ConsecutiveFailures,
            FilesRead = counters.FilesRead,
            FilesQuarantined = counters.FilesQuarantined,
            Events = counters.Events,
            EventsSetAside = counters.EventsSetAside,
            FilesMissed = counters.FilesMissed,
            FutureDatedKeys = counters.FutureDatedKeys,
            DuplicatesDropped = counters.DuplicatesDropped,
            PendingRetries = status.PendingRetries,
            StuckFiles = status.StuckFiles,
            Integrity = status.Integrity.ToProto(),
            Notifications = status.Notifications.ToProto(),
        };
        foreach (var (kind, count) in counters.Requests)
        {
            prefix.Requests[kind] = count;
        }

        prefix.Quarantined.AddRange(status.Quarantined.Select(q => new V1.QuarantinedFile
        {
            Key = q.Key,
            Kind = q.Kind,
            Reason = q.Reason,
            Time = ToTimestamp(q.At),
            RecordsReadBeforeError = q.RecordsReadBeforeError,
        }));
        prefix.SetAside.AddRange(status.SetAside.Select(s => new V1.SetAsideEvents
        {
            Target = s.Target ?? string.Empty,
            Reason = s.Reason,
            Events = s.Events,
            EventIds = { s.EventIds },
            Time = ToTimestamp(s.At),
        }));
        prefix.Missed.AddRange(status.Missed.Select(m => new V1.MissedFile
        {
            Key = m.Key,
            NameTime = ToTimestamp(m.NameTime),
            Late = ToDuration(m.Late),
            FoundTime = ToTimestamp(m.FoundAt),
        }));
        prefix.FutureDated.AddRange(status.FutureDatedKeys.Select(f => new V1.FutureDatedKey
        {
            Key = f.Key,
            NameTime = ToTimestamp(f.NameTime),
            SeenTime = ToTimestamp(f.SeenAt),
        }));
        return prefix;
    }
}
