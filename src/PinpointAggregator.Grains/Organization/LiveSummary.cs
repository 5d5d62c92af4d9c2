using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Grains.Quarantine;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Grains.Organization;

/// <summary>
/// The live state of the whole organization in the offline <c>scan</c> format, gathered from the grains:
/// organization → accounts → prefixes → applications. For the embedded default's first-pass report and for
/// tests that compare the service with the generator's ground truth; the gRPC API serves the same state.
/// </summary>
public static class LiveSummary
{
    public static async Task<ScanSummary> BuildAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var summary = new ScanSummary();
        var snapshot = await OrganizationSnapshot.TakeAsync(grains);
        foreach (var account in snapshot.Accounts)
        {
            AddAccountLevel(summary.NoApplicationId, account.AccountLevel);
            summary.Totals.DuplicateEvents += account.AccountLevel.DuplicatesIgnored;
        }

        foreach (var prefix in snapshot.Prefixes)
        {
            AddPrefix(summary, prefix);
            var quarantined = await QuarantineLog.ListAsync(grains, prefix.Key, prefix.Counters.FilesQuarantined);
            summary.FailedFiles.AddRange(quarantined.Select(q => new FailedFile(q.Key, q.Kind, q.Reason, (int)q.RecordsReadBeforeError)));
            var key = TrailPrefixKey.Parse(prefix.Key);
            var audits = await Task.WhenAll(prefix.Applications.Select(app =>
                grains.GetGrain<IApplicationGrain>(new ApplicationKey(key.Account, key.Region, app).Format()).GetAuditAsync()));
            foreach (var audit in audits)
            {
                summary.Applications[audit.ApplicationId] = ToSummary(audit);
                summary.Totals.Events += audit.Activity.Events;
                summary.Totals.DuplicateEvents += audit.Activity.DuplicatesIgnored;
            }
        }

        summary.Totals.Events += summary.NoApplicationId.Events;
        summary.FailedFiles.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return summary;
    }

    public static ApplicationSummary ToSummary(ApplicationAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var activity = audit.Activity;
        var summary = new ApplicationSummary
        {
            Account = audit.Account,
            Region = audit.Region,
            Events = activity.Events,
            Errors = activity.Errors,
            FirstEventTime = Format(activity.FirstAt),
            LastEventTime = Format(activity.LastAt),
            Created = audit.Created is not null,
            CreatedAt = Format(audit.Created?.At),
            Deleted = audit.Deleted is not null,
            DeletedAt = Format(audit.Deleted?.At),
        };
        Copy(activity.ByAction, summary.ByEventName);
        Copy(activity.ErrorCodes, summary.ErrorCodes);
        return summary;
    }

    private static void AddAccountLevel(NoApplicationSummary summary, ActivityCounts counts)
    {
        summary.Events += counts.Events;
        summary.UnresolvedTargets += counts.UnresolvedTargets;
        foreach (var (name, count) in counts.ByAction)
        {
            summary.ByEventName[name] = summary.ByEventName.GetValueOrDefault(name) + count;
        }
    }

    private static void AddPrefix(ScanSummary summary, PrefixStatus prefix)
    {
        var counters = prefix.Counters;
        var totals = summary.Totals;
        totals.Files += counters.FilesRead + counters.FilesQuarantined;
        totals.FilesFailed += counters.FilesQuarantined;
        totals.Records += counters.Records;
        totals.CompressedBytes += counters.CompressedBytes;
        totals.DecompressedBytes += counters.DecompressedBytes;
        totals.DuplicateEvents += counters.DuplicatesDropped;
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
