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
/// <param name="maxDegreeOfParallelism">Cores the fold in <see cref="Build"/> may use; null: all.</param>
public sealed class ScanSummaryBuilder(int? maxDegreeOfParallelism = null)
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
    /// service does. Applications are independent, so they are folded on all cores.
    /// </summary>
    public ScanSummary Build()
    {
        lock (_lock)
        {
            var summary = new ScanSummary();
            CopyTotals(_summary.Totals, summary.Totals);
            summary.Totals.Events = _events.Count;
            summary.FailedFiles.AddRange(_summary.FailedFiles.OrderBy(f => f.Path, StringComparer.Ordinal));

            // The events that name no application (key null), and one group per application.
            var groups = _events.Values.GroupBy(e => e.Target.ApplicationId, StringComparer.Ordinal).ToList();
            summary.NoApplicationId.Add(FoldAccountLevel(groups.Find(g => g.Key is null) ?? Enumerable.Empty<AuditEvent>()));
            var applications = groups.Where(g => g.Key is not null).ToArray();
            var folded = new ApplicationSummary[applications.Length];
            Parallel.For(0, applications.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 }, i =>
                folded[i] = FoldApplication(applications[i].Key!, [.. applications[i]]));
            for (var i = 0; i < applications.Length; i++)
            {
                summary.Applications.Add(applications[i].Key!, folded[i]);
            }

            return summary;
        }
    }

    /// <summary>
    /// Folds one application's events in event order, so the account and region it is listed under (its
    /// first event's) do not depend on file order.
    /// </summary>
    private static ApplicationSummary FoldApplication(string applicationId, List<AuditEvent> events)
    {
        // (time, event id) can tie between distinct events (an addendum carrying its own event id under another
        // original's): the deduplication id, unique here, makes the order total, so no tie depends on file order.
        events.Sort(static (a, b) => a.Key.CompareTo(b.Key) is var byKey and not 0 ? byKey : string.CompareOrdinal(a.DeduplicationId, b.DeduplicationId));
        var first = events[0];
        var state = new ApplicationAuditState { Account = first.RecipientAccountId ?? first.Caller.AccountId ?? string.Empty, Region = first.AwsRegion ?? string.Empty, ApplicationId = applicationId };
        var seen = new Dictionary<string, EventStamp>(events.Count, StringComparer.Ordinal);
        foreach (var e in events)
        {
            ApplicationAuditor.Apply(state, seen, e, recentLimit: 0);
        }

        return ScanProjection.Of(state);
    }

    /// <summary>The events that name no application; already distinct, so nothing needs remembering between them.</summary>
    private static NoApplicationSummary FoldAccountLevel(IEnumerable<AuditEvent> events)
    {
        var state = new ActivityState();
        var seen = new Dictionary<string, EventStamp>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            ActivityLedger.Record(state, seen, e, recentLimit: 0);
            seen.Clear();
        }

        return ScanProjection.Of(state);
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
