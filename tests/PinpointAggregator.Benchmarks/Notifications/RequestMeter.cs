using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PinpointAggregator.Benchmarks.Notifications;

/// <summary>Counts <c>pinpoint.store.requests</c> by kind across the process: the prefixes' requests and discovery's.</summary>
internal sealed class RequestMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public RequestMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "pinpoint.store.requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind" && tag.Value is string kind)
                {
                    _counts.AddOrUpdate(kind, value, (_, old) => old + value);
                }
            }
        });
        _listener.Start();
    }

    public Dictionary<string, long> Snapshot() => new(_counts, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
