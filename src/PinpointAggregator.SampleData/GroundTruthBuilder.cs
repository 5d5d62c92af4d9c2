using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Computes the summary a correct scan must produce, from the generator's own facts (never by reading
/// the files): Pinpoint events of good files only, once per eventID (addenda count as their original).
/// </summary>
internal sealed class GroundTruthBuilder
{
    private readonly ScanSummary _truth = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void AddGoodFile(IReadOnlyList<SampleRecord> records)
    {
        _truth.Totals.Files++;
        _truth.Totals.Records += records.Count;
        foreach (var record in records.Where(r => r.IsPinpoint))
        {
            if (!_seen.Add(record.Facts.DeduplicationId))
            {
                _truth.Totals.DuplicateEvents++;
                continue;
            }

            _truth.Totals.Events++;
            Count(record.Facts);
        }
    }

    public void AddMalformedFile(string path, MalformedKind kind)
    {
        _truth.Totals.Files++;
        _truth.Totals.FilesFailed++;
        _truth.FailedFiles.Add(new FailedFile(path, FileCorruptor.ExpectedError(kind), kind.ToString(), 0));
    }

    public ScanSummary Build() => _truth;

    private void Count(EventFacts facts)
    {
        if (facts.ApplicationId is null)
        {
            _truth.NoApplicationId.Events++;
            _truth.NoApplicationId.ByEventName[facts.EventName] = _truth.NoApplicationId.ByEventName.GetValueOrDefault(facts.EventName) + 1;
            return;
        }

        if (!_truth.Applications.TryGetValue(facts.ApplicationId, out var app))
        {
            app = new ApplicationSummary { Account = facts.Account, Region = facts.Region, FirstEventTime = facts.EventTime, LastEventTime = facts.EventTime };
            _truth.Applications.Add(facts.ApplicationId, app);
        }

        app.Events++;
        app.ByEventName[facts.EventName] = app.ByEventName.GetValueOrDefault(facts.EventName) + 1;
        if (facts.ErrorCode is not null)
        {
            app.Errors++;
            app.ErrorCodes[facts.ErrorCode] = app.ErrorCodes.GetValueOrDefault(facts.ErrorCode) + 1;
        }

        app.FirstEventTime = string.CompareOrdinal(facts.EventTime, app.FirstEventTime) < 0 ? facts.EventTime : app.FirstEventTime;
        app.LastEventTime = string.CompareOrdinal(facts.EventTime, app.LastEventTime) > 0 ? facts.EventTime : app.LastEventTime;
        if (facts.ErrorCode is null && facts.EventName == "CreateApp")
        {
            (app.Created, app.CreatedAt) = (true, facts.EventTime);
        }

        if (facts.ErrorCode is null && facts.EventName == "DeleteApp")
        {
            (app.Deleted, app.DeletedAt) = (true, facts.EventTime);
        }
    }
}
