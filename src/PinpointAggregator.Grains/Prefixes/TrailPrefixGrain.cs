using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Prefixes.Digests;
using PinpointAggregator.Grains.Quarantine;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Prefixes;

/// <inheritdoc cref="ITrailPrefixGrain"/>
/// <remarks>
/// A poll retries the files waiting after transient errors, serves an operator's re-read, then lists the
/// region prefix from the start of the late-arrival window (one <c>ListObjectsV2</c> with <c>StartAfter</c>,
/// so an idle poll costs one request) and reads every key not yet done. A file's events reach the
/// application grains before its key is recorded as done: a crash in between replays the file, and the
/// idempotent apply makes the replay change nothing. Every few hours a poll also reconciles the days behind
/// the window (<see cref="PrefixReconcile"/>) against the done-key store, a few pages per poll. State is
/// written only when something besides the poll's own bookkeeping changed (<see cref="PrefixStateChanges"/>).
/// A poll that listed everything then follows the prefix's digests (<see cref="DigestFollower"/>): bounded, after
/// the logs, never holding them back.
/// <para>Notifications (<see cref="ReadNotifiedAsync"/>) put the prefix in notification mode
/// (<see cref="PrefixNotifications"/>): its polls list no window, only the reconcile (through to the newest keys)
/// and, every <c>Notifications:DigestListInterval</c>, the digest folder; quiet for <c>QuietAfter</c>, it lists its
/// window again, and falls back to polling when that listing finds files no notification named.</para>
/// </remarks>
/// <para>A quiet prefix (caught up, nothing waiting, next poll at least a reminder period away) does not keep
/// itself in memory: it is collected after <see cref="CollectionAgeMinutes"/> idle minutes, and its reminder,
/// whose period follows <c>MaxPollInterval</c>, activates it and polls.</para>
[CollectionAgeLimit(Minutes = CollectionAgeMinutes)]
public sealed partial class TrailPrefixGrain(
    [PersistentState("prefix", StorageNames.Audit)] IPersistentState<TrailPrefixState> state,
    IOptions<IngestionOptions> options,
    ITrailObjectStoreFactory stores,
    TrailFileFetcher fetcher,
    IDoneKeyStore doneKeys,
    IngestionMetrics metrics,
    DigestFollowerServices digestServices,
    TimeProvider time,
    ILogger<TrailPrefixGrain> logger) : Grain, ITrailPrefixGrain, IRemindable
{
    private const string ReminderName = "poll";

    /// <summary>Shorter than a quiet prefix's reminder period (MaxPollInterval, 15 minutes by default), so it is collected between polls.</summary>
    internal const double CollectionAgeMinutes = 2;

    private readonly IngestionOptions _options = options.Value;
    private TrailPrefixKey _key;
    private GrainSchedule? _timer;
    private PrefixLedger _ledger = null!;
    private PrefixReconcile _reconcile = null!;
    private DigestFollower _digests = null!;
    private PrefixNotifications _notifications = null!;
    private readonly PrefixStateChanges _changes = new();

    /// <summary>Batches this poll turn may still read (<see cref="IngestionOptions.BatchesPerTurn"/>); at 0 the turn yields.</summary>
    private int _batchesLeft = int.MaxValue;

    private TrailPrefixState State => state.State;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = TrailPrefixKey.Parse(this.GetPrimaryKeyString());
        _timer = new GrainSchedule(this, PollAsync);
        _ledger = new PrefixLedger(State, _options);
        _reconcile = new PrefixReconcile(State, _options, _ledger, Random.Shared.NextDouble);
        _digests = new DigestFollower(_key, State, digestServices, DigestBucket(), logger);
        _notifications = new PrefixNotifications(State, _options);
        _changes.Saved(State);
        if (State.Started)
        {
            await UpgradeAsync();
            ScheduleNextPoll(State.NextPollAt is { } next && next > Now ? next - Now : TimeSpan.Zero);
        }
    }

    /// <summary>A prefix started before the done-key store existed hands it its window's keys (<see cref="PrefixReconcile.Upgrade"/>).</summary>
    private async Task UpgradeAsync()
    {
        if (_reconcile.Upgrade() is { } keys)
        {
            await doneKeys.RecordAsync(_key.Format(), keys, CancellationToken.None);
            await SaveAsync();
        }
    }

    /// <summary>
    /// The prefix may activate on another silo next; this silo stops reporting its lag. Only quiet prefixes
    /// are collected (caught up, nothing waiting), so the gauge leaves out prefixes that were current at their
    /// last poll: the lag it shows is that of the prefixes with work, which is what an alert should watch.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(_key.Format());
        digestServices.Metrics.Forget(_key.Format());
        return Task.CompletedTask;
    }

    public async Task StartAsync(DateTime backfillFrom)
    {
        if (!State.Started)
        {
            State.Started = true;
            State.BackfillFrom = backfillFrom.ToUniversalTime();
            State.Interval = _options.PollInterval;
            State.DoneKeysFrom = State.BackfillFrom;
            State.Version = TrailPrefixState.CurrentVersion; // every key it settles goes to the done-key store: nothing to upgrade
            _digests.EnsureStarted();
            await SaveAsync();
        }

        // Called again on every discovery round or start; the schedule writes the reminder once.
        await _timer!.EnsureReminderAsync(ReminderName, ReminderPeriod);
        if (!_timer.IsArmed)
        {
            ScheduleNextPoll(TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The reminder brings the grain back after a collection or restart (activation schedules the poll) and
    /// polls now when the poll is due within one poll interval: a quiet prefix, collected since its last
    /// poll, polls on its reminder's tick. An overdue poll is re-armed too, as a last line of defence.
    /// </summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Started && State.NextPollAt is { } next && next - Now <= _options.PollInterval)
        {
            ScheduleNextPoll(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The poll reminder's period: at least <c>ReminderPeriod</c>, and as long as a quiet prefix's interval,
    /// so a collected quiet prefix is woken once per poll, not several times for nothing.
    /// </summary>
    private TimeSpan ReminderPeriod => _options.MaxPollInterval > _options.ReminderPeriod ? _options.MaxPollInterval : _options.ReminderPeriod;

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
        await SaveAsync();
        ScheduleNextPoll(TimeSpan.Zero);
    }

    public async Task PauseAsync(string? reason)
    {
        EnsureStarted();
        (State.PausedAt, State.PausedReason, State.NextPollAt) = (State.PausedAt ?? Now, reason, null);
        await SaveAsync();
        LogPaused(logger, _key.Format(), reason ?? string.Empty);
    }

    public async Task ResumeAsync()
    {
        EnsureStarted();
        if (State.PausedAt is null)
        {
            return;
        }

        (State.PausedAt, State.PausedReason, State.NextPollAt) = (null, null, Now);

        // Its next poll lists the window (and reads what notifications named while it was paused) before any notified key is read.
        _notifications.Resumed();
        await SaveAsync();
        LogResumed(logger, _key.Format());
        ScheduleNextPoll(TimeSpan.Zero);
    }

    /// <remarks>
    /// Keys done in the window state, or (before the window) in the done-key store after one round trip, cost no
    /// GET; keys waiting for a retry are read now; the rest go through the poll's own path (batches, deliveries,
    /// quarantine evidence, done keys, checkpoint) without its per-turn budget. A prefix whose listing has not
    /// reached its newest keys yet (a backfill, a resume) answers <see cref="NotifiedFileOutcome.NotStarted"/>: its
    /// listing reads them, and reading them first would move the window past keys it has not listed.
    /// </remarks>
    public async Task<IReadOnlyList<NotifiedFileResult>> ReadNotifiedAsync(IReadOnlyList<NotifiedFile> files)
    {
        var keys = NotifiedKeys.Of(_key, files);
        if (keys.Count == 0)
        {
            return [];
        }

        if (!State.Started && !_options.ExcludedAccounts.Contains(_key.Account))
        {
            // A region (or an account) discovery has not found yet: notifications are how a queue-mode service learns of
            // it, since its discovery lists only every Notifications:DiscoveryInterval. NotStarted settles the message; the
            // prefix's first listing, once the account's discovery has started it, reads the file.
            await AskForDiscoveryAsync();
            return Answer(keys, NotifiedFileOutcome.NotStarted);
        }

        if (!State.Started || _options.ExcludedAccounts.Contains(_key.Account) || (State.PausedAt is null && !_notifications.ListingCurrent))
        {
            return Answer(keys, NotifiedFileOutcome.NotStarted);
        }

        if (State.PausedAt is not null)
        {
            return Answer(keys, NotifiedFileOutcome.Paused);
        }

        var startedAt = Now;
        var results = new Dictionary<string, NotifiedFileResult>(StringComparer.Ordinal);
        var toRead = new List<(string Key, DateTime Stamp, long? Size)>();
        var behindWindow = new List<(string Key, DateTime Stamp)>();
        var windowFrom = _ledger.ListFrom();
        var keptFrom = _reconcile.DoneKeysKeptFrom();
        var futureLeft = _ledger.FutureKeysLeft(startedAt);
        foreach (var (key, stamp) in keys)
        {
            if (State.Done.ContainsKey(key))
            {
                results[key] = new NotifiedFileResult(key, NotifiedFileOutcome.AlreadyDone);
            }
            else if (stamp < keptFrom && stamp >= State.BackfillFrom && !State.Retry.ContainsKey(key))
            {
                // Read by a listing once, perhaps, and its done key forgotten since: reading it could read a file a second
                // time (a backlog, a redriven dead-letter queue). Before the backfill start no listing ever read a key.
                results[key] = new NotifiedFileResult(key, NotifiedFileOutcome.OutsideRange);
            }
            else if (State.Retry.ContainsKey(key) || stamp >= windowFrom)
            {
                // A key in the window that is not done is not done anywhere (the window's done keys are all in state).
                toRead.Add((key, stamp, null));
            }
            else
            {
                behindWindow.Add((key, stamp));
            }
        }

        if (behindWindow.Count > 0)
        {
            // One round trip for all of them; the store holds the done keys the reconcile can still list.
            var done = await doneKeys.FindDoneAsync(_key.Format(), [.. behindWindow.Select(k => k.Key)], CancellationToken.None);
            foreach (var (key, stamp) in behindWindow)
            {
                if (done.Contains(key))
                {
                    results[key] = new NotifiedFileResult(key, NotifiedFileOutcome.AlreadyDone);
                }
                else
                {
                    toRead.Add((key, stamp, null));
                }
            }
        }

        // Future-dated keys follow the listing's rule: past MaxFutureDatedKeys they wait for the clock (the listing or
        // the reconcile reads them then), so this message comes back until it is set aside.
        var deferred = toRead.Where(f => _ledger.IsFutureDated(f.Stamp, startedAt)).Skip(Math.Max(futureLeft, 0)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        toRead.RemoveAll(f => deferred.Contains(f.Key));
        var late = toRead.Where(f => _notifications.IsLate(f.Stamp)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var outcomes = await ReadBatchesAsync(stores.Open(_key.Location.Bucket, _key.Account), toRead, live: true, CancellationToken.None, notified: true);
        foreach (var outcome in outcomes)
        {
            var kind = outcome.Read is not null ? NotifiedFileOutcome.Read
                : IsMissing(outcome) ? NotifiedFileOutcome.Missing
                : outcome.QuarantineKind is not null ? NotifiedFileOutcome.Quarantined
                : NotifiedFileOutcome.Retrying;
            results[outcome.Key] = new NotifiedFileResult(outcome.Key, kind, late.Contains(outcome.Key) && kind != NotifiedFileOutcome.Missing);
        }

        foreach (var key in deferred)
        {
            results[key] = new NotifiedFileResult(key, NotifiedFileOutcome.Deferred);
        }

        var answer = keys.Select(k => results[k.Key]).ToList();
        var sent = files.Where(f => results.ContainsKey(f.Key)).Select(f => f.SentAt < startedAt ? f.SentAt : startedAt).ToList();
        _notifications.Notified(Now, sent.Max(), keys.Count, answer.Count(r => r.Outcome == NotifiedFileOutcome.AlreadyDone), answer.Count(r => r.Late));
        _ledger.NotifiedThrough(sent.Min());
        var outside = answer.Count(r => r.Outcome == NotifiedFileOutcome.OutsideRange);
        if (outside > 0)
        {
            LogNotifiedOutsideRange(logger, _key.Format(), outside, keptFrom);
        }

        foreach (var result in answer)
        {
            metrics.Notified(result.Outcome);
            if (result.Late)
            {
                metrics.NotifiedLate(_key.Account);
                LogNotifiedLate(logger, result.Key, State.NewestKey ?? string.Empty, _options.ReconcileHorizon);
            }
        }

        if (!_notifications.Idle && State.NextPollAt is { } scheduled && _notifications.NextPoll(Now) is var due && Now + due < scheduled)
        {
            // A read failed or a grain did not answer: what waits is retried by a poll, which must come at its retry's
            // time, not at a notified prefix's slow cadence (up to QuietAfter or DigestListInterval away).
            State.NextPollAt = Now + due;
            ScheduleNextPoll(due);
        }

        if (_changes.Changed(State))
        {
            await SaveAsync();
        }

        metrics.Mode(_key.Format(), State.Notifications.Mode);
        metrics.Prefix(_key.Format(), _key.Account, _ledger.Lag(Now), _ledger.StuckFiles(Now));
        return answer;
    }

    /// <summary>The same answer for every key, with no change to the prefix.</summary>
    /// <summary>Asks the account's discovery to run soon (it bounds how often); a failure only leaves it to the next round.</summary>
    private async Task AskForDiscoveryAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IAccountGrain>(_key.Account).DiscoverSoonAsync(_key.Region);
        }
        catch (Exception e)
        {
            LogDiscoveryHintFailed(logger, _key.Format(), e.GetType().Name, e.Message);
        }
    }

    private List<NotifiedFileResult> Answer(List<(string Key, DateTime Stamp)> keys, NotifiedFileOutcome outcome)
    {
        foreach (var _ in keys)
        {
            metrics.Notified(outcome);
        }

        return [.. keys.Select(k => new NotifiedFileResult(k.Key, outcome))];
    }

    public Task<PrefixStatus> GetStatusAsync() => Task.FromResult(PrefixStatusView.Of(_key, _ledger, _options, Now) with { Integrity = _digests.Status(Now) });

    /// <summary>
    /// The bucket digests are expected to name (<c>digestS3Bucket</c>): the configured one, or none for a local
    /// folder, whose digests name the bucket they were copied from (then only the key is compared).
    /// </summary>
    private string? DigestBucket() =>
        _options.Buckets.FirstOrDefault(b => string.Equals(b.Name, _key.Location.Bucket, StringComparison.Ordinal))?.LocalPath is null ? _key.Location.Bucket : null;

    private void EnsureStarted()
    {
        if (!State.Started)
        {
            throw new InvalidOperationException($"Trail prefix {_key} is not being read: its account and region have not been discovered or configured.");
        }
    }

    /// <summary>
    /// Arms the poll; it keeps the grain in memory only while there is work soon: a backfill, files or
    /// deliveries waiting, a failure backing off, or a poll due before the reminder's next tick.
    /// </summary>
    /// <remarks>A prefix in notification mode with nothing waiting need not stay in memory whatever its next poll: its reminder brings it back.</remarks>
    private void ScheduleNextPoll(TimeSpan due)
    {
        var idle = State.CaughtUp && State.Retry.Count == 0 && State.Undelivered.Count == 0;
        var quiet = idle && (due >= ReminderPeriod || (_notifications.SkipsWindow(Now) && _notifications.Idle));
        _timer!.Arm(due, keepAlive: !quiet);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_timer!.Retired)
        {
            // A stale activation, deactivating: the next activation polls from the stored state.
            return;
        }

        if (State.PausedAt is not null)
        {
            // Paused by an operator: no listing, no reads. The timer stays armed without keeping the grain in
            // memory; resuming polls at once.
            _timer.Arm(ReminderPeriod, keepAlive: false);
            return;
        }

        if (_options.ExcludedAccounts.Contains(_key.Account))
        {
            await StopAsync("The account is excluded by configuration (Ingestion:ExcludedAccounts).");
            return;
        }

        var startedAt = Now;
        var durableThrough = State.ReadThrough;

        // Notifications arrive: no window listing, only what waits, the reconcile and (now and then) the digests.
        var notified = _notifications.SkipsWindow(startedAt);
        var failed = false;
        State.LastPollAt = startedAt;
        State.Counters.Polls++;
        _batchesLeft = _options.BatchesPerTurn;
        var more = false;
        try
        {
            await DeliverAsync(State.Undelivered.ToList());
            var store = stores.Open(_key.Location.Bucket, _key.Account);
            var found = await ReadFilesAsync(store, _ledger.DueRetries(Now), cancellationToken);
            if (State.RereadFrom is { } from && State.RereadUntil is { } until)
            {
                // An operator's re-read runs whole: cut short, it would start over on the next turn.
                var share = _batchesLeft;
                _batchesLeft = int.MaxValue;
                found += await ListAndReadAsync(store, from, until, skipDone: false, cancellationToken);
                (State.RereadFrom, State.RereadUntil, _batchesLeft) = (null, null, share);
            }

            if (!notified)
            {
                var listed = await ListAndReadAsync(store, _ledger.ListFrom(), null, skipDone: true, cancellationToken);
                found += listed;
                WindowListed(listed, reachedEnd: _batchesLeft > 0);
            }

            more = _batchesLeft <= 0;
            if (more)
            {
                // The turn's share is spent and keys are left: the next turn goes on at once (see BatchesPerTurn).
                // Not caught up, and the read-through time stays where it was: the listing did not reach the end.
                State.ConsecutiveFailures = 0;
                State.CaughtUp = false;
                State.Interval = _options.PollInterval;
            }
            else
            {
                // The reconcile bounds itself (ReconcilePagesPerPoll) and must read every late file it lists.
                _batchesLeft = int.MaxValue;
                _reconcile.EnsureScheduled(Now);
                if (_reconcile.IsDue(Now))
                {
                    found += await ReconcileAsync(store, notified, cancellationToken);
                }

                _ledger.PollSucceeded(startedAt, listedWindow: !notified);

                // After the logs, so digests never slow them; bounded, and it never throws for a store or file problem.
                // CloudTrail sends no notification for digests: a notified prefix lists them every DigestListInterval.
                if (!notified || _notifications.DigestsDue(Now))
                {
                    await _digests.RunAsync(store, cancellationToken);
                    if (notified)
                    {
                        _notifications.DigestsFollowed(Now);
                    }
                }

                if (notified)
                {
                    State.Interval = _notifications.NextPoll(Now);
                }
                else
                {
                    var interval = State.Interval < _options.PollInterval ? _options.PollInterval : State.Interval;
                    State.Interval = found > 0 ? _options.PollInterval : Min(interval * 2, _options.MaxPollInterval);
                }
            }
        }
        catch (Exception e) when (!_timer.Retired && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // Whatever failed, the prefix keeps its schedule: it backs off and tries again. Unless this activation
            // is stale (its own write met a conflict, see StaleActivation): then it stops, and the error goes on.
            failed = true;
            PollFailed(e is TrailStoreException store ? store.Code : e.GetType().Name, e.Message);
        }
        finally
        {
            // Re-armed whatever happens above; a one-shot timer that is not re-armed never fires again.
            ScheduleNextPoll(more ? TimeSpan.Zero : State.Interval);
            _batchesLeft = int.MaxValue;
        }

        _ledger.PruneWindow();
        State.NextPollAt = more ? Now : Now + State.Interval;
        if (_changes.Changed(State))
        {
            try
            {
                await SaveAsync();
            }
            catch (Exception e) when (!_timer.Retired && !failed)
            {
                // The checkpoint did not reach storage (the database is away): what this poll did lives only in
                // memory, and a restart would do it again. It is a failed poll, and status and lag must say so —
                // not "caught up, no error" while nothing is being saved.
                State.ReadThrough = durableThrough;
                PollFailed(e.GetType().Name, e.Message);
                State.NextPollAt = Now + State.Interval;
                ScheduleNextPoll(State.Interval);
            }
            catch (Exception e) when (!_timer.Retired)
            {
                // The poll failed already and says why; the failed checkpoint is the same outage or a consequence of it.
                LogCheckpointFailed(logger, _key.Format(), e.GetType().Name, e.Message);
            }
        }

        metrics.Mode(_key.Format(), State.Notifications.Mode);
        metrics.Prefix(_key.Format(), _key.Account, _ledger.Lag(Now), _ledger.StuckFiles(Now));
    }

    /// <summary>
    /// A window listing ended (it reached the end, or the turn's share ran out first). A quiet notified prefix learns
    /// from it whether its trail is quiet too (polling) or notifications stopped while files arrived (fallback).
    /// </summary>
    /// <param name="found">Files the listing read or quarantined: none of them was named by a notification.</param>
    /// <param name="reachedEnd">The listing reached the newest keys.</param>
    private void WindowListed(int found, bool reachedEnd)
    {
        _notifications.WindowListed(reachedEnd);
        if ((found > 0 || reachedEnd) && _notifications.QuietListed(Now, found) is { } reason)
        {
            metrics.Fallback(_key.Account);
            LogFallback(logger, _key.Format(), reason);
        }
    }

    /// <summary>Records a failed poll in state (shown in status) and backs off.</summary>
    private void PollFailed(string code, string message)
    {
        State.ConsecutiveFailures++;
        State.CaughtUp = false;
        State.LastError = $"{code}: {message}";
        State.Interval = Backoff.Delay(State.ConsecutiveFailures, _options.PollInterval, _options.MaxRetryDelay);
        LogPollFailed(logger, _key.Format(), code, State.ConsecutiveFailures, State.Interval);
    }

    private async Task StopAsync(string reason)
    {
        State.LastError = reason;
        State.NextPollAt = null;
        await SaveAsync();
        await _timer!.StopReminderAsync(ReminderName);

        metrics.Forget(_key.Format());
    }

    private async Task<int> ListAndReadAsync(ITrailObjectStore store, DateTime from, DateTime? until, bool skipDone, CancellationToken cancellationToken)
    {
        var request = new TrailListRequest(_key.RegionPrefix, _key.Location.Root.LogKeysFrom(_key.Account, _key.Region, from));
        var found = 0;
        var now = Now;
        var futureLeft = _ledger.FutureKeysLeft(now);
        while (true)
        {
            CountList();
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

                if (_ledger.ShouldRead(key, skipDone))
                {
                    if (_ledger.IsFutureDated(stamp, now) && futureLeft-- <= 0)
                    {
                        // Keys sort by date, so every key after this one is future-dated too: stop listing here.
                        State.FutureKeysCappedAt = now;
                        LogFutureCapped(logger, _key.Format(), key, _options.MaxFutureDatedKeys);
                        pastEnd = true;
                        break;
                    }

                    batch.Add((key, stamp, size));
                }
            }

            found += await ReadFilesAsync(store, batch, cancellationToken);

            if (pastEnd || page.ContinuationToken is null || _batchesLeft <= 0)
            {
                return found;
            }

            request = request with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>One poll's share of the reconcile (<see cref="ReconcileStep"/>); missed files are counted in metrics and logged as found.</summary>
    private Task<int> ReconcileAsync(ITrailObjectStore store, bool notified, CancellationToken cancellationToken) =>
        new ReconcileStep(_key, _ledger, _reconcile, doneKeys, _options, time, listThroughNewest: notified).RunAsync(
            store,
            CountList,
            files => ReadFilesAsync(store, files, cancellationToken),
            missed =>
            {
                metrics.FileMissed(_key.Account);
                LogMissed(logger, missed.Key, missed.Late);
            },
            cancellationToken);

    private void CountList()
    {
        State.Counters.Requests[RequestKinds.List] = State.Counters.Requests.GetValueOrDefault(RequestKinds.List) + 1;
        metrics.Request(RequestKinds.List);
    }

    /// <summary>
    /// Reads files in batches of <see cref="IngestionOptions.FilesPerBatch"/>, at most the turn's share of batches, with bounded concurrency, delivers each batch's
    /// events with one call per grain, then records the batch's keys and checkpoints.
    /// </summary>
    /// <remarks>
    /// One apply per batch instead of per file: an application grain persists its whole state on every
    /// apply, so per-file applies during a backfill would write the same growing state thousands of times.
    /// </remarks>
    /// <returns>How many files were recorded as done (read or quarantined); retried ones do not count.</returns>
    private async Task<int> ReadFilesAsync(ITrailObjectStore store, List<(string Key, DateTime Stamp, long? Size)> files, CancellationToken cancellationToken) =>
        // A caught-up prefix's few new files go before every backfill read waiting for the silo's budget.
        (await ReadBatchesAsync(store, files, live: State.CaughtUp, cancellationToken)).Count(o => !o.ShouldRetry);

    /// <summary>The reads of <see cref="ReadFilesAsync"/>, with each file's outcome: read, quarantined, or waiting for a retry.</summary>
    /// <param name="store">The prefix's store.</param>
    /// <param name="files">Keys to read, with their name-time and listed size.</param>
    /// <param name="live">Reads of a caught-up prefix (or notified ones) go first in the silo's read budget.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The outcome of every file read in this turn (files past the turn's share are not in it).</returns>
    /// <param name="notified">
    /// The keys come from notifications, not from a listing: one that does not exist is not recorded at all (neither
    /// done nor quarantined), so a forged name never hides an object that appears under it later.
    /// </param>
    private async Task<List<FileOutcome>> ReadBatchesAsync(ITrailObjectStore store, List<(string Key, DateTime Stamp, long? Size)> files, bool live, CancellationToken cancellationToken, bool notified = false)
    {
        var all = new List<FileOutcome>();
        foreach (var batch in files.Chunk(_options.FilesPerBatch))
        {
            if (_batchesLeft <= 0)
            {
                // This turn's share is spent: the rest waits (retries stay due, listed keys are listed again).
                break;
            }

            _batchesLeft--;
            using var gate = new SemaphoreSlim(_options.FileConcurrency);
            var outcomes = await Task.WhenAll(batch.Select(async file =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await fetcher.FetchAsync(store, file.Key, file.Stamp, file.Size, live, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));

            all.AddRange(outcomes);
            if (notified && outcomes.Any(IsMissing))
            {
                foreach (var missing in outcomes.Where(IsMissing))
                {
                    _ledger.CountGets(missing);
                }

                outcomes = [.. outcomes.Where(o => !IsMissing(o))];
            }

            // Events reach their grains (or wait in Undelivered, saved with this checkpoint) before their files are done.
            var routed = _ledger.Route(outcomes.Where(o => o.Read is not null));
            await DeliverAsync([.. routed.Deliveries]);
            var now = Now;
            var evidence = PrefixLedger.QuarantineEvidence(outcomes, now);
            if (evidence.Count > 0)
            {
                // Written before the files are done: if this fails, they are read again, never lost without a trace.
                await QuarantineLog.AppendAsync(GrainFactory, _key.Format(), State.Counters.FilesQuarantined, evidence);
            }

            // Settled keys go to the done-key store before the ledger records them: if this fails, they are read again.
            var settled = outcomes.Where(o => !o.ShouldRetry).Select(DoneKeyOf).ToList();
            if (settled.Count > 0)
            {
                await doneKeys.RecordAsync(_key.Format(), settled, CancellationToken.None);
            }

            var report = _ledger.Complete(outcomes, now);
            Report(outcomes, report);
            _ledger.PruneWindow();
            await SaveAsync();
        }

        return all;
    }

    /// <summary>The object was not there when fetched (a quarantine kind for a listed key, <see cref="NotifiedFileOutcome.Missing"/> for a notified one).</summary>
    private static bool IsMissing(FileOutcome outcome) => outcome.QuarantineKind == nameof(TrailStoreErrorKind.NotFound);

    /// <summary>A settled file's done key, with its hash (when read whole and hashed) or why it has none (quarantined).</summary>
    private static DoneKey DoneKeyOf(FileOutcome outcome) =>
        new(outcome.Key, outcome.Stamp, outcome.Read?.UncompressedSha256, outcome.QuarantineKind is { } kind ? $"{kind}: {outcome.Message}" : null);

    /// <summary>Writes the state and remembers it as written; a stale activation stops (<see cref="StaleActivation"/>).</summary>
    private async Task SaveAsync()
    {
        await StaleActivation.WriteAsync(state, this, _timer, logger);
        _changes.Saved(State);
    }

    /// <summary>
    /// Delivers to every grain at once. A failed delivery waits for the next poll and is set aside after
    /// repeated failures; events a grain could never apply are set aside at once. Never throws.
    /// </summary>
    private async Task DeliverAsync(IReadOnlyList<PendingDelivery> deliveries)
    {
        var calls = deliveries.Select(async delivery =>
        {
            try
            {
                return (delivery, await DeliverAsync(delivery), (Exception?)null);
            }
            catch (Exception e)
            {
                return (delivery, (ApplyResult?)null, e);
            }
        });
        foreach (var (delivery, result, error) in await Task.WhenAll(calls))
        {
            var setAside = result is not null
                ? _ledger.Delivered(delivery, result, Now)
                : _ledger.DeliveryFailed(delivery, $"{error!.GetType().Name}: {error.Message}", IsPermanent(error), Now);
            if (error is not null)
            {
                LogDeliveryFailed(logger, _key.Format(), delivery.Target ?? "(account)", delivery.Attempts, error.GetType().Name, error.Message);
            }

            if (setAside is not null)
            {
                metrics.SetAside(setAside.Events);
                LogSetAside(logger, _key.Format(), setAside.Target ?? "(account)", setAside.Events, setAside.Reason);
            }
        }
    }

    private Task<ApplyResult> DeliverAsync(PendingDelivery delivery) => delivery.Target is { } application
        ? GrainFactory.GetGrain<IApplicationGrain>(new ApplicationKey(_key.Account, _key.Region, application).Format()).ApplyAsync(delivery.Batch)
        : GrainFactory.GetGrain<IAccountGrain>(_key.Account).ApplyAccountEventsAsync(delivery.Batch);

    /// <summary>Errors that will recur on every attempt: the events are set aside at once.</summary>
    private static bool IsPermanent(Exception e) => e is ArgumentException or FormatException or NotSupportedException or InvalidCastException;

    private void Report(FileOutcome[] outcomes, BatchReport report)
    {
        foreach (var read in outcomes.Where(o => o.Read is not null))
        {
            metrics.FileRead(read.Events.Count, read.Read!.CompressedBytes);
        }

        foreach (var file in report.Quarantined)
        {
            metrics.Quarantined();
            LogQuarantined(logger, file.Key, file.Kind, file.Reason);
        }

        foreach (var outcome in report.Retrying)
        {
            metrics.FileFailed(outcome.ErrorCode ?? "Unknown");
            LogFileRetry(logger, outcome.Key, outcome.ErrorCode);
        }

        if (report.Retrying.Count > 0)
        {
            // One line per batch, not per file: a prefix retrying hundreds of files would log each on every poll.
            LogFilesRetrying(logger, _key.Format(), report.Retrying.Count, report.Retrying[0].ErrorCode, State.Retry.Count);
        }

        foreach (var (key, retry) in report.NewlyStuck)
        {
            LogFileStuck(logger, key, retry.Attempts, retry.FirstFailedAt, retry.LastError);
        }

        foreach (var future in report.FutureDated)
        {
            metrics.FutureDatedKey();
            LogFutureDated(logger, future.Key, future.NameTime);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(1, LogLevel.Warning, "Polling {Prefix} failed with {Code} ({Failures} in a row); next attempt in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, string prefix, string code, int failures, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Warning, "Quarantined {Key}: {Kind}: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string key, string kind, string? reason);

    [LoggerMessage(3, LogLevel.Debug, "Will retry {Key} on a later poll ({Code})")]
    private static partial void LogFileRetry(ILogger logger, string key, string? code);

    [LoggerMessage(10, LogLevel.Information, "{Prefix}: {Count} files failed and will be retried on a later poll (first: {Code}); {Waiting} files waiting")]
    private static partial void LogFilesRetrying(ILogger logger, string prefix, int count, string? code, int waiting);

    [LoggerMessage(4, LogLevel.Error, "{Key} is stuck: {Attempts} attempts since {FirstFailedAt:O}, last {Error}; still retried with backoff")]
    private static partial void LogFileStuck(ILogger logger, string key, int attempts, DateTime firstFailedAt, string error);

    [LoggerMessage(5, LogLevel.Warning, "{Key} is named {NameTime:O}, ahead of the clock: read, but it does not move the late-arrival window")]
    private static partial void LogFutureDated(ILogger logger, string key, DateTime nameTime);

    [LoggerMessage(8, LogLevel.Warning, "{Prefix} has more future-dated keys than Ingestion:MaxFutureDatedKeys ({Max}); {Key} and later ones are not read until the clock reaches them")]
    private static partial void LogFutureCapped(ILogger logger, string prefix, string key, int max);

    [LoggerMessage(9, LogLevel.Error, "{Key} landed {Late} behind the newest key, later than Ingestion:ReconcileHorizon: reported as missed, not read (re-read its time to read it)")]
    private static partial void LogMissed(ILogger logger, string key, TimeSpan late);

    [LoggerMessage(10, LogLevel.Warning, "Saving the state of {Prefix} failed as well ({Kind}: {Message}); the next poll saves it")]
    private static partial void LogCheckpointFailed(ILogger logger, string prefix, string kind, string message);

    [LoggerMessage(11, LogLevel.Information, "{Prefix} paused by an operator: {Reason}")]
    private static partial void LogPaused(ILogger logger, string prefix, string reason);

    [LoggerMessage(12, LogLevel.Information, "{Prefix} resumed by an operator")]
    private static partial void LogResumed(ILogger logger, string prefix);

    [LoggerMessage(13, LogLevel.Warning, "{Key} was notified more than Ingestion:ReconcileHorizon ({Horizon}) behind the newest key {Newest}: read, and reported as late")]
    private static partial void LogNotifiedLate(ILogger logger, string key, string newest, TimeSpan horizon);

    [LoggerMessage(14, LogLevel.Warning, "{Prefix} falls back to polling: {Reason}; it polls until notifications come back")]
    private static partial void LogFallback(ILogger logger, string prefix, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Delivering events of {Prefix} to {Target} failed ({Attempts} attempts): {Kind}: {Message}")]
    private static partial void LogDeliveryFailed(ILogger logger, string prefix, string target, int attempts, string kind, string message);

    [LoggerMessage(7, LogLevel.Error, "Set aside {Events} events of {Prefix} for {Target}: {Reason}")]
    private static partial void LogSetAside(ILogger logger, string prefix, string target, int events, string reason);

    [LoggerMessage(30, LogLevel.Information, "{Prefix}: {Count} notified keys named before {KeptFrom:O}, further back than done keys are remembered: not read (a listing may have read them)")]
    private static partial void LogNotifiedOutsideRange(ILogger logger, string prefix, int count, DateTime keptFrom);

    [LoggerMessage(31, LogLevel.Warning, "{Prefix} was notified before discovery started it, and asking its account to discover failed with {Kind}: {Message}; the next discovery round starts it")]
    private static partial void LogDiscoveryHintFailed(ILogger logger, string prefix, string kind, string message);
}
