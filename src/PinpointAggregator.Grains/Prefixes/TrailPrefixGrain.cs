using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Prefixes;

/// <inheritdoc cref="ITrailPrefixGrain"/>
/// <remarks>
/// A poll retries the files waiting after transient errors, serves an operator's re-read, then lists the
/// region prefix from the start of the late-arrival window (one <c>ListObjectsV2</c> with <c>StartAfter</c>,
/// so an idle poll costs one request) and reads every key not yet done. A file's events reach the
/// application grains before its key is recorded as done: a crash in between replays the file, and the
/// idempotent apply makes the replay change nothing.
/// </remarks>
public sealed partial class TrailPrefixGrain(
    [PersistentState("prefix", StorageNames.Audit)] IPersistentState<TrailPrefixState> state,
    IOptions<IngestionOptions> options,
    ITrailObjectStoreFactory stores,
    TrailFileFetcher fetcher,
    IngestionMetrics metrics,
    TimeProvider time,
    ILogger<TrailPrefixGrain> logger) : Grain, ITrailPrefixGrain, IRemindable
{
    private const string ReminderName = "poll";

    /// <summary>Files whose events are applied together; bounds memory to a few MB of Pinpoint events.</summary>
    private const int FilesPerApply = 256;
    private readonly IngestionOptions _options = options.Value;
    private TrailPrefixKey _key;
    private GrainSchedule? _timer;

    private TrailPrefixState State => state.State;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = TrailPrefixKey.Parse(this.GetPrimaryKeyString());
        _timer = new GrainSchedule(this, PollAsync);
        if (State.Started)
        {
            ScheduleNextPoll(State.NextPollAt is { } next && next > Now ? next - Now : TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <summary>The prefix may activate on another silo next; this silo stops reporting its lag.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(_key.Format());
        return Task.CompletedTask;
    }

    public async Task StartAsync(DateTime backfillFrom)
    {
        if (!State.Started)
        {
            State.Started = true;
            State.BackfillFrom = backfillFrom.ToUniversalTime();
            State.Interval = _options.PollInterval;
            await state.WriteStateAsync();
        }

        // Called again on every discovery round or start; the schedule writes the reminder once.
        await _timer!.EnsureReminderAsync(ReminderName, _options.ReminderPeriod);
        if (!_timer.IsArmed)
        {
            ScheduleNextPoll(TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The reminder brings the grain back after a deactivation or restart (activation schedules the poll),
    /// and re-arms a poll that is long overdue, as a last line of defence for the timer.
    /// </summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Started && State.NextPollAt is { } next && Now - next > _options.ReminderPeriod)
        {
            ScheduleNextPoll(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task PollNowAsync()
    {
        EnsureStarted();
        await PollAsync(CancellationToken.None);
    }

    public async Task RereadAsync(DateTime fromTime, DateTime untilTime)
    {
        if (untilTime <= fromTime)
        {
            throw new ArgumentException($"The re-read range must not be empty: from {fromTime:O} until {untilTime:O}.", nameof(untilTime));
        }

        EnsureStarted();
        (State.RereadFrom, State.RereadUntil) = (fromTime.ToUniversalTime(), untilTime.ToUniversalTime());
        await state.WriteStateAsync();
        ScheduleNextPoll(TimeSpan.Zero);
    }

    public Task<PrefixStatus> GetStatusAsync() => Task.FromResult(PrefixStatusView.Of(_key, State, Now));

    private void EnsureStarted()
    {
        if (!State.Started)
        {
            throw new InvalidOperationException($"Trail prefix {_key} is not being read: its account and region have not been discovered or configured.");
        }
    }

    private void ScheduleNextPoll(TimeSpan due)
    {
        _timer!.Arm(due);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_options.ExcludedAccounts.Contains(_key.Account))
        {
            await StopAsync("The account is excluded by configuration (Ingestion:ExcludedAccounts).");
            return;
        }

        State.LastPollAt = Now;
        State.Counters.Polls++;
        try
        {
            var store = stores.Open(_key.Location.Bucket, _key.Account);
            var found = await RetryWaitingFilesAsync(store, cancellationToken);
            if (State.RereadFrom is { } from && State.RereadUntil is { } until)
            {
                found += await ListAndReadAsync(store, from, until, skipDone: false, cancellationToken);
                (State.RereadFrom, State.RereadUntil) = (null, null);
            }

            found += await ListAndReadAsync(store, ListFrom(), null, skipDone: true, cancellationToken);
            (State.ConsecutiveFailures, State.LastError) = (0, State.Retry.Count == 0 ? null : State.LastError);
            State.CaughtUp = State.Retry.Count == 0;
            var interval = State.Interval < _options.PollInterval ? _options.PollInterval : State.Interval;
            State.Interval = found > 0 ? _options.PollInterval : Min(interval * 2, _options.MaxPollInterval);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever failed, the prefix keeps its schedule: it backs off and tries again.
            var code = e is TrailStoreException store ? store.Code : e.GetType().Name;
            State.ConsecutiveFailures++;
            State.CaughtUp = false;
            State.LastError = $"{code}: {e.Message}";
            State.Interval = Backoff.Delay(State.ConsecutiveFailures, _options.PollInterval, _options.MaxRetryDelay);
            LogPollFailed(logger, _key.Format(), code, State.ConsecutiveFailures, State.Interval);
        }
        finally
        {
            // Re-armed whatever happens above; a one-shot timer that is not re-armed never fires again.
            ScheduleNextPoll(State.Interval);
        }

        PruneWindow();
        State.NextPollAt = Now + State.Interval;
        await state.WriteStateAsync(CancellationToken.None);
        if (State.NewestEventAt is { } newest)
        {
            metrics.Lag(_key.Format(), Now - newest);
        }
    }

    private async Task StopAsync(string reason)
    {
        State.LastError = reason;
        State.NextPollAt = null;
        await state.WriteStateAsync(CancellationToken.None);
        await _timer!.StopReminderAsync(ReminderName);

        metrics.Forget(_key.Format());
    }

    /// <summary>The late-arrival window behind the newest key, never before the backfill start.</summary>
    /// <remarks>Key names carry minutes, so the bound is cut to the minute to agree with the listing.</remarks>
    private DateTime ListFrom()
    {
        var from = State.NewestKeyAt is { } newest && newest - _options.LateArrivalWindow > State.BackfillFrom
            ? newest - _options.LateArrivalWindow
            : State.BackfillFrom;
        return new DateTime(from.Ticks - (from.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }

    private async Task<int> ListAndReadAsync(ITrailObjectStore store, DateTime from, DateTime? until, bool skipDone, CancellationToken cancellationToken)
    {
        var request = new TrailListRequest(_key.RegionPrefix, _key.Location.Root.LogKeysFrom(_key.Account, _key.Region, from));
        var found = 0;
        while (true)
        {
            State.Counters.Requests[RequestKinds.List] = State.Counters.Requests.GetValueOrDefault(RequestKinds.List) + 1;
            metrics.Request(RequestKinds.List);
            var page = await store.ListAsync(request, cancellationToken);
            var batch = new List<(string Key, DateTime Stamp, long? Size)>();
            var pastEnd = false;
            foreach (var (key, size) in page.Objects)
            {
                if (!TrailKey.TryParse(key, out var parsed, out _) || parsed.Kind != TrailFileKind.Log)
                {
                    continue;
                }

                var stamp = parsed.Timestamp.UtcDateTime;
                pastEnd = until is { } end && stamp >= end;
                if (pastEnd)
                {
                    break;
                }

                if (!(skipDone && State.Done.ContainsKey(key)) && !State.Retry.ContainsKey(key))
                {
                    batch.Add((key, stamp, size));
                }
            }

            found += await ReadFilesAsync(store, batch, cancellationToken);
            if (pastEnd || page.ContinuationToken is null)
            {
                return found;
            }

            request = request with { ContinuationToken = page.ContinuationToken };
        }
    }

    private async Task<int> RetryWaitingFilesAsync(ITrailObjectStore store, CancellationToken cancellationToken)
    {
        // A key leaves Retry only when it is done or quarantined, so a poll cut short loses none.
        // Their sizes are not kept; the fetcher's guard on the download bounds them instead.
        var waiting = State.Retry.Select(p => (p.Key, p.Value, (long?)null)).ToList();
        return await ReadFilesAsync(store, waiting, cancellationToken);
    }

    /// <summary>
    /// Reads files in batches of <see cref="FilesPerApply"/>, with bounded concurrency, applies each batch's
    /// events with one call per application grain, then records the batch's keys and checkpoints.
    /// </summary>
    /// <remarks>
    /// One apply per batch instead of per file: an application grain persists its whole state on every
    /// apply, so per-file applies during a backfill would write the same growing state thousands of times.
    /// </remarks>
    /// <returns>How many files were recorded as done (read or quarantined); retried ones do not count.</returns>
    private async Task<int> ReadFilesAsync(ITrailObjectStore store, List<(string Key, DateTime Stamp, long? Size)> files, CancellationToken cancellationToken)
    {
        var completed = 0;
        foreach (var batch in files.Chunk(FilesPerApply))
        {
            using var gate = new SemaphoreSlim(_options.FileConcurrency);
            var outcomes = await Task.WhenAll(batch.Select(async file =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await fetcher.FetchAsync(store, file.Key, file.Stamp, file.Size, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));

            completed += await ApplyBatchAsync(outcomes);
            PruneWindow();
            await state.WriteStateAsync(CancellationToken.None);
        }

        return completed;
    }

    private async Task<int> ApplyBatchAsync(FileOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            State.Counters.Requests[RequestKinds.Get] = State.Counters.Requests.GetValueOrDefault(RequestKinds.Get) + outcome.Gets;
            if (outcome.ShouldRetry)
            {
                WaitForRetry(outcome.Key, outcome.Stamp, $"{outcome.ErrorCode}: {outcome.Message}", outcome.ErrorCode);
            }
        }

        var read = outcomes.Where(o => o.Read is not null).ToList();
        try
        {
            await FileApplier.ApplyAsync(GrainFactory, _key, [.. read.SelectMany(o => o.Events)], State.Applications);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not done: the next poll reads these files again, and the apply is idempotent.
            read.ForEach(o => WaitForRetry(o.Key, o.Stamp, $"Apply: {e.Message}", "ApplyFailed"));
            read.Clear();
        }

        foreach (var outcome in read)
        {
            CountRead(outcome);
            MarkDone(outcome.Key, outcome.Stamp);
        }

        var quarantined = outcomes.Where(o => o.QuarantineKind is not null).ToList();
        foreach (var outcome in quarantined)
        {
            Quarantine(outcome.Key, outcome);
            MarkDone(outcome.Key, outcome.Stamp);
        }

        return read.Count + quarantined.Count;
    }

    private void WaitForRetry(string key, DateTime stamp, string error, string? code)
    {
        State.Retry[key] = stamp;
        State.LastError = error;
        LogFileRetry(logger, key, code);
    }

    private void CountRead(FileOutcome outcome)
    {
        var (read, counters) = (outcome.Read!, State.Counters);
        counters.FilesRead++;
        counters.Records += read.RecordsRead;
        counters.Events += outcome.Events.Count;
        counters.CompressedBytes += read.CompressedBytes;
        counters.DecompressedBytes += read.DecompressedBytes;
        if (outcome.Events.Count > 0)
        {
            var newest = outcome.Events.Max(e => e.At);
            State.NewestEventAt = State.NewestEventAt > newest ? State.NewestEventAt : newest;
        }

        metrics.FileRead(outcome.Events.Count, read.CompressedBytes);
    }

    private void Quarantine(string key, FileOutcome outcome)
    {
        State.Counters.FilesQuarantined++;
        State.Quarantined.RemoveAll(q => q.Key == key);
        State.Quarantined.Add(new QuarantinedFile(key, outcome.QuarantineKind!, outcome.Message ?? string.Empty, Now, outcome.RecordsReadBeforeError));
        if (State.Quarantined.Count > _options.QuarantineListLength)
        {
            State.Quarantined.RemoveAt(0);
        }

        metrics.Quarantined();
        LogQuarantined(logger, key, outcome.QuarantineKind!, outcome.Message);
    }

    private void MarkDone(string key, DateTime stamp)
    {
        State.Retry.Remove(key);
        State.Done[key] = stamp;
        if (State.NewestKey is null || string.CompareOrdinal(key, State.NewestKey) > 0)
        {
            (State.NewestKey, State.NewestKeyAt) = (key, stamp);
        }
    }

    /// <summary>Forgets done keys older than the window: the listing never reaches them again.</summary>
    private void PruneWindow()
    {
        var from = ListFrom();
        foreach (var old in State.Done.Where(p => p.Value < from).Select(p => p.Key).ToList())
        {
            State.Done.Remove(old);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(1, LogLevel.Warning, "Polling {Prefix} failed with {Code} ({Failures} in a row); next attempt in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, string prefix, string code, int failures, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Warning, "Quarantined {Key}: {Kind}: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string key, string kind, string? reason);

    [LoggerMessage(3, LogLevel.Information, "Will retry {Key} on the next poll ({Code})")]
    private static partial void LogFileRetry(ILogger logger, string key, string? code);
}
