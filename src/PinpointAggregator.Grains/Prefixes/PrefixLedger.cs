using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// The prefix grain's bookkeeping, without Orleans: which listed keys to read, which waiting files are
/// due, routing a batch's events, and recording each file as done, waiting or quarantined, and each
/// delivery as applied, waiting or set aside. The grain does the I/O and calls; this decides.
/// </summary>
internal sealed class PrefixLedger(TrailPrefixState state, IngestionOptions options)
{
    private readonly EventRouter _router = new(state.Routes);

    public TrailPrefixState State => state;

    /// <summary>The late-arrival window behind the newest key, never before the backfill start.</summary>
    /// <remarks>Key names carry minutes, so the bound is cut to the minute to agree with the listing.</remarks>
    public DateTime ListFrom()
    {
        var from = state.NewestKeyAt is { } newest && newest - options.LateArrivalWindow > state.BackfillFrom
            ? newest - options.LateArrivalWindow
            : state.BackfillFrom;
        return new DateTime(from.Ticks - (from.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }

    /// <summary>Whether a listed key is to be read now: not done (unless re-reading) and not waiting for a retry.</summary>
    public bool ShouldRead(string key, bool skipDone) => !(skipDone && state.Done.ContainsKey(key)) && !state.Retry.ContainsKey(key);

    /// <summary>Whether a key's name-time is further ahead of the clock than the allowed skew.</summary>
    public bool IsFutureDated(DateTime stamp, DateTime now) => stamp > now + options.FutureKeySkew;

    /// <summary>
    /// How many more future-dated keys may be read. Each one read stays done (in state, and in every listing)
    /// until the window reaches its name-time, so a member account's future-named objects are read up to
    /// <see cref="IngestionOptions.MaxFutureDatedKeys"/>, then reported and not listed past.
    /// </summary>
    public int FutureKeysLeft(DateTime now) => options.MaxFutureDatedKeys - state.Done.Values.Count(stamp => IsFutureDated(stamp, now));

    /// <summary>Waiting files whose backoff has passed. The others keep waiting: none is ever dropped.</summary>
    /// <remarks>Their listed sizes are not kept; the fetcher's guard on the download bounds them instead.</remarks>
    public List<(string Key, DateTime Stamp, long? Size)> DueRetries(DateTime now) =>
        [.. state.Retry.Where(p => p.Value.NextAttemptAt <= now).Select(p => (p.Key, p.Value.Stamp, (long?)null))];

    /// <summary>Routes the events of the files read whole (<see cref="EventRouter"/>).</summary>
    public RoutedEvents Route(IEnumerable<FileOutcome> read)
    {
        var routed = _router.Route(read.SelectMany(o => o.Events.Select(e => (e, o.Stamp))));
        state.Counters.DuplicatesDropped += routed.DuplicatesDropped;
        foreach (var target in routed.Deliveries.Select(d => d.Target).OfType<string>())
        {
            state.Applications.Add(target);
        }

        return routed;
    }

    /// <summary>Records what a grain did with a delivery: events it could never apply are set aside.</summary>
    public SetAsideEvents? Delivered(PendingDelivery delivery, ApplyResult result, DateTime now)
    {
        state.Undelivered.Remove(delivery);
        if (result.Rejected.Count == 0)
        {
            return null;
        }

        var rejected = result.Rejected.Select(r => r.EventId).ToHashSet(StringComparer.Ordinal);
        var reason = string.Join("; ", result.Rejected.Select(r => r.Reason).Distinct().Take(3));
        return SetAside(delivery.Target, reason, [.. delivery.Events.Where(e => rejected.Contains(e.EventId))], now);
    }

    /// <summary>
    /// Records a failed delivery: it waits for the next poll, or is set aside when it can never succeed, or
    /// has failed <see cref="IngestionOptions.DeliveryAttempts"/> times over at least
    /// <see cref="IngestionOptions.StuckFileAfter"/> — a silo restarting or a cluster briefly degraded fails
    /// many polls in a row, and must cost no event. Returns what was set aside.
    /// </summary>
    public SetAsideEvents? DeliveryFailed(PendingDelivery delivery, string error, bool permanent, DateTime now)
    {
        delivery.Attempts++;
        delivery.LastError = error;
        delivery.FirstFailedAt ??= now;
        var givenUp = delivery.Attempts >= options.DeliveryAttempts && now - delivery.FirstFailedAt >= options.StuckFileAfter;
        if (!permanent && !givenUp)
        {
            if (!state.Undelivered.Contains(delivery))
            {
                // One waiting delivery per grain: a backfill against a broken grain adds to it, not beside it.
                var waiting = state.Undelivered.Find(d => d.Target == delivery.Target);
                if (waiting is null)
                {
                    state.Undelivered.Add(delivery);
                }
                else
                {
                    waiting.Events.AddRange(delivery.Events);
                    waiting.Retractions.AddRange(delivery.Retractions);
                }
            }

            return null;
        }

        state.Undelivered.Remove(delivery);
        if (delivery.Retractions.Count > 0)
        {
            // Retractions are small and idempotent, and dropping one counts an event twice: they keep waiting.
            state.Undelivered.Add(new PendingDelivery { Target = delivery.Target, Retractions = delivery.Retractions, Attempts = delivery.Attempts, FirstFailedAt = delivery.FirstFailedAt, LastError = error });
        }

        return delivery.Events.Count == 0 ? null : SetAside(delivery.Target, error, delivery.Events, now);
    }

    /// <summary>
    /// What the quarantine log gets for a batch, before <see cref="Complete"/> records the files as done with
    /// the same <paramref name="now"/>: the evidence is written first, so a failure to write it leaves the
    /// files to be read again rather than quarantined without a trace.
    /// </summary>
    public static List<QuarantinedFile> QuarantineEvidence(IEnumerable<FileOutcome> outcomes, DateTime now) =>
        [.. outcomes.Where(o => o.QuarantineKind is not null).Select(o => Evidence(o, now))];

    /// <summary>
    /// Records a batch of fetched files: read ones and quarantined ones are done, the others wait. Call after
    /// the read files' events were delivered (or recorded as undelivered) and the quarantine evidence was
    /// written, never before.
    /// </summary>
    public BatchReport Complete(IReadOnlyList<FileOutcome> outcomes, DateTime now)
    {
        var report = new BatchReport();
        foreach (var outcome in outcomes)
        {
            CountGets(outcome);
            if (outcome.ShouldRetry)
            {
                WaitForRetry(outcome, now, report);
                continue;
            }

            if (outcome.Read is { } read)
            {
                CountRead(outcome, read);
            }
            else
            {
                report.Quarantined.Add(Quarantine(outcome, now));
            }

            MarkDone(outcome.Key, outcome.Stamp, now, report);
        }

        return report;
    }

    /// <summary>Counts a fetch's GET requests, also of a file that is not recorded (a notified key that does not exist).</summary>
    public void CountGets(FileOutcome outcome) =>
        state.Counters.Requests[RequestKinds.Get] = state.Counters.Requests.GetValueOrDefault(RequestKinds.Get) + outcome.Gets;

    /// <summary>Ends a poll that listed everything: if nothing waits, the prefix has read through its start.</summary>
    /// <param name="pollStartedAt">When the poll started.</param>
    /// <param name="listedWindow">
    /// False for a poll in notification mode, which lists no window: it says nothing about files no notification
    /// named, so the read-through time stays where the last notification left it (<see cref="NotifiedThrough"/>).
    /// </param>
    public void PollSucceeded(DateTime pollStartedAt, bool listedWindow = true)
    {
        state.ConsecutiveFailures = 0;
        state.CaughtUp = state.Retry.Count == 0;
        if (state.Retry.Count == 0)
        {
            state.LastError = null;
        }

        if (listedWindow && state.Retry.Count == 0 && state.Undelivered.Count == 0)
        {
            state.ReadThrough = pollStartedAt;
        }
    }

    /// <summary>
    /// Ends a notification's reads: if nothing waits, every notified file is read through the time the call's oldest
    /// message was sent (the read-through time of a prefix in notification mode, so a backed-up queue shows as lag).
    /// Never moves back.
    /// </summary>
    public void NotifiedThrough(DateTime callStartedAt)
    {
        if (state.Retry.Count == 0 && state.Undelivered.Count == 0 && !(state.ReadThrough >= callStartedAt))
        {
            state.ReadThrough = callStartedAt;
        }
    }

    /// <summary>Ingestion lag: how far behind the bucket reading is (from the backfill start until a first poll completes).</summary>
    public TimeSpan Lag(DateTime now) => now - (state.ReadThrough ?? state.BackfillFrom);

    /// <summary>Forgets done keys and routes older than the window: the listing never reaches them again.</summary>
    public void PruneWindow()
    {
        var from = ListFrom();
        foreach (var old in state.Done.Where(p => p.Value < from).Select(p => p.Key).ToList())
        {
            state.Done.Remove(old);
        }

        _router.Forget(from);
    }

    public int StuckFiles(DateTime now) => state.Retry.Values.Count(r => IsStuck(r, now));

    /// <summary>A waiting file failing for longer than <see cref="IngestionOptions.StuckFileAfter"/>: the one rule for stuck.</summary>
    public bool IsStuck(RetryState retry, DateTime now) => now - retry.FirstFailedAt >= options.StuckFileAfter;

    private void WaitForRetry(FileOutcome outcome, DateTime now, BatchReport report)
    {
        if (!state.Retry.TryGetValue(outcome.Key, out var retry))
        {
            retry = new RetryState { Stamp = outcome.Stamp, FirstFailedAt = now };
            state.Retry.Add(outcome.Key, retry);
        }

        retry.Attempts++;
        retry.LastError = $"{outcome.ErrorCode}: {outcome.Message}";
        retry.NextAttemptAt = now + Backoff.Delay(retry.Attempts, options.RetryBaseDelay, options.MaxRetryDelay);
        state.LastError = retry.LastError;
        report.Retrying.Add(outcome);
        if (!retry.ReportedStuck && IsStuck(retry, now))
        {
            retry.ReportedStuck = true;
            report.NewlyStuck.Add((outcome.Key, retry));
        }
    }

    private void CountRead(FileOutcome outcome, Trail.Reading.TrailReadResult<AuditEvent> read)
    {
        var counters = state.Counters;
        counters.FilesRead++;
        counters.Records += read.RecordsRead;
        counters.Events += outcome.Events.Count;
        counters.CompressedBytes += read.CompressedBytes;
        counters.DecompressedBytes += read.DecompressedBytes;
        if (outcome.Events.Count > 0)
        {
            var newest = outcome.Events.Max(e => e.Key.Time);
            state.NewestEventAt = state.NewestEventAt > newest ? state.NewestEventAt : newest;
        }
    }

    private QuarantinedFile Quarantine(FileOutcome outcome, DateTime now)
    {
        var file = Evidence(outcome, now);
        state.Counters.FilesQuarantined++;
        state.Quarantined.RemoveAll(q => q.Key == outcome.Key);
        AddBounded(state.Quarantined, file);
        return file;
    }

    private static QuarantinedFile Evidence(FileOutcome outcome, DateTime now) =>
        new(outcome.Key, outcome.QuarantineKind!, outcome.Message ?? string.Empty, now, outcome.RecordsReadBeforeError);

    private void MarkDone(string key, DateTime stamp, DateTime now, BatchReport report)
    {
        state.Retry.Remove(key);
        state.Done[key] = stamp;
        if (IsFutureDated(stamp, now))
        {
            // A name-time ahead of the clock would move the window past every real file and blind the prefix.
            var future = new FutureDatedKey(key, stamp, now);
            state.Counters.FutureDatedKeys++;
            AddBounded(state.FutureDatedKeys, future);
            report.FutureDated.Add(future);
            return;
        }

        if (state.NewestKeyAt is null || stamp > state.NewestKeyAt || (stamp == state.NewestKeyAt && string.CompareOrdinal(key, state.NewestKey) > 0))
        {
            (state.NewestKey, state.NewestKeyAt) = (key, stamp);
        }
    }

    private SetAsideEvents SetAside(string? target, string reason, List<AuditEvent> events, DateTime now)
    {
        // A re-read delivers them again: forget their routes.
        _router.Forget(events);
        var entry = new SetAsideEvents(target, reason, events.Count, [.. events.Select(e => e.EventId).Take(10)], now);
        state.Counters.EventsSetAside += events.Count;
        AddBounded(state.SetAside, entry);
        return entry;
    }

    /// <summary>Adds to a status list, dropping the oldest past <see cref="IngestionOptions.QuarantineListLength"/>.</summary>
    public void AddBounded<T>(List<T> list, T item)
    {
        list.Add(item);
        if (list.Count > options.QuarantineListLength)
        {
            list.RemoveAt(0);
        }
    }
}
