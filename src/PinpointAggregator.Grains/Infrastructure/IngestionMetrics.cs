using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Ingestion counters and gauges on the <c>PinpointAggregator.Ingestion</c> meter (OpenTelemetry-ready:
/// any MeterListener or the OpenTelemetry SDK can export them). One instance per silo.
/// </summary>
/// <remarks>
/// Gauges are per account, never per prefix: 1,000 accounts × 17 regions would be 17,000 series per
/// silo, more than a Prometheus server should hold for one gauge. Per-prefix detail is in the status.
/// Labels are only validated values (12-digit account ids) or closed sets (request kinds, error kinds).
/// </remarks>
public sealed class IngestionMetrics
{
    public const string MeterName = "PinpointAggregator.Ingestion";

    private readonly ConcurrentDictionary<string, (string Account, double LagSeconds, int Stuck)> _prefixes = new(StringComparer.Ordinal);
    private readonly Counter<long> _files;
    private readonly Counter<long> _events;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _fileFailures;
    private readonly Counter<long> _setAside;
    private readonly Counter<long> _futureDated;
    private readonly Counter<long> _missed;
    private readonly ConcurrentDictionary<string, PrefixIngestionMode> _modes = new(StringComparer.Ordinal);
    private readonly Counter<long> _notifiedFiles;
    private readonly Counter<long> _notifiedLate;
    private readonly Counter<long> _fallbacks;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _files = meter.CreateCounter<long>("pinpoint.trail.files", "{file}", "Trail files read whole.");
        _events = meter.CreateCounter<long>("pinpoint.trail.events", "{event}", "Pinpoint events read (before deduplication).");
        _bytes = meter.CreateCounter<long>("pinpoint.trail.bytes", "By", "Compressed bytes downloaded.");
        _requests = meter.CreateCounter<long>("pinpoint.store.requests", "{request}", "S3 (or folder) requests, by kind.");
        _quarantined = meter.CreateCounter<long>("pinpoint.trail.quarantined", "{file}", "Trail files set aside as unreadable.");
        _fileFailures = meter.CreateCounter<long>("pinpoint.trail.file_failures", "{failure}", "Reads of a file that failed and will be retried, by error kind.");
        _setAside = meter.CreateCounter<long>("pinpoint.events.set_aside", "{event}", "Events that could not be applied to their grain, set aside with a reason.");
        _futureDated = meter.CreateCounter<long>("pinpoint.trail.future_dated_keys", "{file}", "Keys named further ahead of the clock than the allowed skew.");
        _missed = meter.CreateCounter<long>("pinpoint.trail.files_missed", "{file}", "Per account, files that landed later than Ingestion:ReconcileHorizon: reported, not read.");
        meter.CreateObservableGauge("pinpoint.ingestion.lag", ObserveLag, "s", "Per account, the largest ingestion lag of its prefixes on this silo: now minus the time through which every listed file was read.");
        meter.CreateObservableGauge("pinpoint.trail.files_stuck", ObserveStuck, "{file}", "Per account, files on this silo failing for longer than Ingestion:StuckFileAfter.");
        _notifiedFiles = meter.CreateCounter<long>("pinpoint.notifications.files", "{file}", "Keys named by notifications, by what the prefix did with them (Read, Quarantined, AlreadyDone, Retrying, Paused, NotStarted).");
        _notifiedLate = meter.CreateCounter<long>("pinpoint.notifications.files_late", "{file}", "Per account, notified keys older than Ingestion:ReconcileHorizon behind their prefix's newest key: read, and reported as late.");
        _fallbacks = meter.CreateCounter<long>("pinpoint.notifications.fallbacks", "{fallback}", "Per account, prefixes that fell back to polling: no notification for Ingestion:Notifications:QuietAfter while their listing found files.");
        meter.CreateObservableGauge("pinpoint.notifications.prefixes", ObserveModes, "{prefix}", "Prefixes active on this silo by ingestion mode (Polling, Notified, Fallback).");
    }

    public void FileRead(long events, long compressedBytes)
    {
        _files.Add(1);
        _events.Add(events);
        _bytes.Add(compressedBytes);
    }

    public void Request(string kind) => _requests.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Quarantined() => _quarantined.Add(1);

    /// <summary>A file read failed and waits; <paramref name="kind"/> is a closed set (the store's error kinds, the reader's).</summary>
    public void FileFailed(string kind) => _fileFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void SetAside(long events) => _setAside.Add(events);

    public void FutureDatedKey() => _futureDated.Add(1);

    /// <summary>A file found beyond the reconcile horizon, under its (validated, 12-digit) account.</summary>
    public void FileMissed(string account) => _missed.Add(1, new KeyValuePair<string, object?>("account", account));

    /// <summary>The prefix's current ingestion lag and stuck files, reported under its account.</summary>
    public void Prefix(string prefix, string account, TimeSpan lag, int stuckFiles) => _prefixes[prefix] = (account, lag.TotalSeconds, stuckFiles);

    /// <summary>The prefix stopped or may activate on another silo next: this silo stops reporting it.</summary>
    public void Forget(string prefix)
    {
        _prefixes.TryRemove(prefix, out _);
        _modes.TryRemove(prefix, out _);
    }

    /// <summary>What a prefix did with a notified key (a closed set: <see cref="NotifiedFileOutcome"/>).</summary>
    public void Notified(NotifiedFileOutcome outcome) => _notifiedFiles.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    /// <summary>A notified key older than the reconcile horizon, read anyway, under its (validated) account.</summary>
    public void NotifiedLate(string account) => _notifiedLate.Add(1, new KeyValuePair<string, object?>("account", account));

    /// <summary>A prefix fell back to polling because notifications stopped while files kept arriving.</summary>
    public void Fallback(string account) => _fallbacks.Add(1, new KeyValuePair<string, object?>("account", account));

    /// <summary>The prefix's current ingestion mode, counted in the per-mode gauge of this silo.</summary>
    public void Mode(string prefix, PrefixIngestionMode mode) => _modes[prefix] = mode;

    private IEnumerable<Measurement<double>> ObserveLag() =>
        _prefixes.Values.GroupBy(p => p.Account, StringComparer.Ordinal)
            .Select(g => new Measurement<double>(g.Max(p => p.LagSeconds), new KeyValuePair<string, object?>("account", g.Key)));

    /// <summary>Every mode, with zero when no prefix is in it, so an alert on Fallback sees a series.</summary>
    private IEnumerable<Measurement<int>> ObserveModes()
    {
        var modes = _modes.Values.ToList();
        return Enum.GetValues<PrefixIngestionMode>()
            .Select(mode => new Measurement<int>(modes.Count(m => m == mode), new KeyValuePair<string, object?>("mode", mode.ToString())));
    }

    private IEnumerable<Measurement<int>> ObserveStuck() =>
        _prefixes.Values.GroupBy(p => p.Account, StringComparer.Ordinal)
            .Select(g => new Measurement<int>(g.Sum(p => p.Stuck), new KeyValuePair<string, object?>("account", g.Key)));
}
