using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Audit.Summary;

/// <summary>
/// Collects the results of reading many files into a <see cref="ScanSummary"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Events count once per <see cref="AuditEvent.DeduplicationId"/>; an addendum supersedes the event it
/// re-sends. The summary depends only on the set of files, not on the order they were added.
/// </remarks>
public sealed class ScanSummaryBuilder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AuditEvent> _events = new(StringComparer.Ordinal);
    private readonly ScanSummary _summary = new();

    public void AddFile(string path, TrailReadResult<AuditEvent> result)
    {
        lock (_lock)
        {
            var totals = _summary.Totals;
            totals.Files++;
            totals.CompressedBytes += result.CompressedBytes;
            totals.DecompressedBytes += result.DecompressedBytes;
            if (result.Error is { } error)
            {
                totals.FilesFailed++;
                _summary.FailedFiles.Add(new FailedFile(path, error.Kind.ToString(), error.Message, error.RecordsReadBeforeError));
                return;
            }

            totals.Records += result.RecordsRead;
            foreach (var e in result.Events)
            {
                if (!_events.TryGetValue(e.DeduplicationId, out var kept))
                {
                    _events.Add(e.DeduplicationId, e);
                    continue;
                }

                totals.DuplicateEvents++;
                if (Supersedes(e, kept))
                {
                    _events[e.DeduplicationId] = e;
                }
            }
        }
    }

    /// <summary>
    /// Builds the summary of everything added so far: the distinct events folded per application by the
    /// audit fold (<see cref="ApplicationAuditor"/>) and projected (<see cref="ScanProjection"/>), as the
    /// service does.
    /// </summary>
    public ScanSummary Build()
    {
        lock (_lock)
        {
            var summary = new ScanSummary();
            CopyTotals(_summary.Totals, summary.Totals);
            summary.Totals.Events = _events.Count;
            summary.FailedFiles.AddRange(_summary.FailedFiles.OrderBy(f => f.Path, StringComparer.Ordinal));
            var accountLevel = new ActivityState();
            var applications = new Dictionary<string, (ApplicationAuditState State, Dictionary<string, EventStamp> Seen)>(StringComparer.Ordinal);

            // In event order, so the account and region an application is listed under do not depend on file order.
            foreach (var e in _events.Values.OrderBy(e => e.Key))
            {
                if (e.Target.ApplicationId is not { } applicationId)
                {
                    ActivityLedger.Record(accountLevel, new Dictionary<string, EventStamp>(StringComparer.Ordinal), e, recentLimit: 0);
                    continue;
                }

                if (!applications.TryGetValue(applicationId, out var app))
                {
                    app = (new ApplicationAuditState { Account = e.RecipientAccountId ?? e.Caller.AccountId ?? string.Empty, Region = e.AwsRegion ?? string.Empty, ApplicationId = applicationId }, new(StringComparer.Ordinal));
                    applications.Add(applicationId, app);
                }

                ApplicationAuditor.Apply(app.State, app.Seen, e, recentLimit: 0);
            }

            summary.NoApplicationId.Add(ScanProjection.Of(accountLevel));
            foreach (var (applicationId, app) in applications)
            {
                summary.Applications.Add(applicationId, ScanProjection.Of(app.State));
            }

            return summary;
        }
    }

    /// <summary>The shared rule (<see cref="EventOrder.Supersedes(AuditEvent, AuditEvent)"/>), so the scan and the grains agree.</summary>
    private static bool Supersedes(AuditEvent candidate, AuditEvent kept) => EventOrder.Supersedes(candidate, kept);

    private static void CopyTotals(ScanTotals from, ScanTotals to)
    {
        to.Files = from.Files;
        to.FilesFailed = from.FilesFailed;
        to.Records = from.Records;
        to.DuplicateEvents = from.DuplicateEvents;
        to.CompressedBytes = from.CompressedBytes;
        to.DecompressedBytes = from.DecompressedBytes;
    }
}
