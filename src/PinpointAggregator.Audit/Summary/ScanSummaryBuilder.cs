using PinpointAggregator.Audit.Events;
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

    /// <summary>Builds the summary of everything added so far.</summary>
    public ScanSummary Build()
    {
        lock (_lock)
        {
            var summary = new ScanSummary();
            CopyTotals(_summary.Totals, summary.Totals);
            summary.Totals.Events = _events.Count;
            summary.FailedFiles.AddRange(_summary.FailedFiles.OrderBy(f => f.Path, StringComparer.Ordinal));
            foreach (var e in _events.Values)
            {
                Apply(summary, e);
            }

            return summary;
        }
    }

    /// <summary>The shared rule (<see cref="EventOrder.Supersedes(AuditEvent, AuditEvent)"/>), so the scan and the grains agree.</summary>
    private static bool Supersedes(AuditEvent candidate, AuditEvent kept) => EventOrder.Supersedes(candidate, kept);

    private static void Apply(ScanSummary summary, AuditEvent e)
    {
        if (e.Target.ApplicationId is not { } applicationId)
        {
            summary.NoApplicationId.Events++;
            summary.NoApplicationId.UnresolvedTargets += e.Target.UnresolvedApplicationId is null ? 0 : 1;
            Increment(summary.NoApplicationId.ByEventName, e.EventName);
            return;
        }

        if (!summary.Applications.TryGetValue(applicationId, out var app))
        {
            app = new ApplicationSummary { Account = e.RecipientAccountId ?? e.Caller.AccountId, Region = e.AwsRegion };
            summary.Applications.Add(applicationId, app);
        }

        var time = TrailTime.Format(e.EventTime);
        app.Events++;
        Increment(app.ByEventName, e.EventName);
        if (e.ErrorCode is { } code)
        {
            app.Errors++;
            Increment(app.ErrorCodes, code);
        }

        // The strings sort like the times they format (fixed-width UTC), so ordinal min/max is time min/max.
        app.FirstEventTime = Min(app.FirstEventTime, time);
        app.LastEventTime = Max(app.LastEventTime, time);
        if (!e.Failed && e.EventName == "CreateApp")
        {
            app.Created = true;
            app.CreatedAt = Min(app.CreatedAt, time);
        }
        else if (!e.Failed && e.EventName == "DeleteApp")
        {
            app.Deleted = true;
            app.DeletedAt = Max(app.DeletedAt, time);
        }
    }

    private static void Increment(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Min(string? current, string candidate) =>
        current is null || string.CompareOrdinal(candidate, current) < 0 ? candidate : current;

    private static string Max(string? current, string candidate) =>
        current is null || string.CompareOrdinal(candidate, current) > 0 ? candidate : current;

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
