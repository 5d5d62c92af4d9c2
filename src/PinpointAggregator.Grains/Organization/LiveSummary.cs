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
    /// <param name="grains">The cluster.</param>
    /// <param name="accounts">Only these accounts (a caller's scope: their applications, account-level events, files and totals); null for every account.</param>
    public static async Task<ScanSummary> BuildAsync(IGrainFactory grains, IReadOnlySet<string>? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var summary = new ScanSummary();
        var snapshot = await OrganizationSnapshot.TakeAsync(grains, accounts);
        var accountLevel = await Task.WhenAll(snapshot.Accounts.Select(a => grains.GetGrain<IAccountGrain>(a.Account).GetSummaryAsync()));
        foreach (var (account, level) in snapshot.Accounts.Zip(accountLevel))
        {
            summary.NoApplicationId.Add(level);
            summary.Totals.DuplicateEvents += account.AccountLevel.DuplicatesIgnored;
        }

        var counted = new HashSet<(string Account, string Region, string ApplicationId)>();
        foreach (var prefix in snapshot.Prefixes)
        {
            AddPrefix(summary, prefix);
            var quarantined = await QuarantineLog.ListAsync(grains, prefix.Key, prefix.Counters.FilesQuarantined);
            summary.FailedFiles.AddRange(quarantined.Select(q => new FailedFile(q.Key, q.Kind, q.Reason, (int)q.RecordsReadBeforeError)));
            var key = TrailPrefixKey.Parse(prefix.Key);
            var applications = prefix.Applications.Select(app => grains.GetGrain<IApplicationGrain>(new ApplicationKey(key.Account, key.Region, app).Format())).ToList();
            var entries = await Task.WhenAll(applications.Select(a => a.GetSummaryAsync()));
            var duplicates = await Task.WhenAll(applications.Select(async a => (await a.GetAuditAsync()).Activity.DuplicatesIgnored));
            foreach (var ((app, entry), duplicate) in prefix.Applications.Zip(entries).Zip(duplicates))
            {
                if (!counted.Add((key.Account, key.Region, app)))
                {
                    // A second trail location of the same account and region: the same grain, counted once.
                    continue;
                }

                summary.Applications[SummaryKey(summary, app, key)] = entry;
                summary.Totals.Events += entry.Events;
                summary.Totals.DuplicateEvents += duplicate;
            }
        }

        summary.Totals.Events += summary.NoApplicationId.Events;
        summary.FailedFiles.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return summary;
    }

    /// <summary>
    /// The scan format keys applications by id alone. Pinpoint's ids are unique, but a member account can send
    /// events naming another account's application id: that application is then a grain of its own
    /// (account/region/id), and is listed as <c>ID@ACCOUNT/REGION</c> rather than replacing the first one.
    /// </summary>
    private static string SummaryKey(ScanSummary summary, string applicationId, TrailPrefixKey key) =>
        summary.Applications.ContainsKey(applicationId) ? $"{applicationId}@{key.Account}/{key.Region}" : applicationId;

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
}
