using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Ingestion counters and gauges on the <c>PinpointAggregator.Ingestion</c> meter (OpenTelemetry-ready:
/// any MeterListener or the OpenTelemetry SDK can export them). One instance per silo.
/// </summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "PinpointAggregator.Ingestion";

    private readonly ConcurrentDictionary<string, double> _lagSeconds = new(StringComparer.Ordinal);
    private readonly Counter<long> _files;
    private readonly Counter<long> _events;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _quarantined;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _files = meter.CreateCounter<long>("pinpoint.trail.files", "{file}", "Trail files read whole.");
        _events = meter.CreateCounter<long>("pinpoint.trail.events", "{event}", "Pinpoint events read (before deduplication).");
        _bytes = meter.CreateCounter<long>("pinpoint.trail.bytes", "By", "Compressed bytes downloaded.");
        _requests = meter.CreateCounter<long>("pinpoint.store.requests", "{request}", "S3 (or folder) requests, by kind.");
        _quarantined = meter.CreateCounter<long>("pinpoint.trail.quarantined", "{file}", "Trail files set aside as unreadable.");
        meter.CreateObservableGauge("pinpoint.prefix.lag", ObserveLag, "s", "Now minus the newest event time, per trail prefix on this silo.");
    }

    public void FileRead(long events, long compressedBytes)
    {
        _files.Add(1);
        _events.Add(events);
        _bytes.Add(compressedBytes);
    }

    public void Request(string kind) => _requests.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Quarantined() => _quarantined.Add(1);

    public void Lag(string prefix, TimeSpan lag) => _lagSeconds[prefix] = lag.TotalSeconds;

    public void Forget(string prefix) => _lagSeconds.TryRemove(prefix, out _);

    private IEnumerable<Measurement<double>> ObserveLag() =>
        _lagSeconds.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("prefix", p.Key)));
}
