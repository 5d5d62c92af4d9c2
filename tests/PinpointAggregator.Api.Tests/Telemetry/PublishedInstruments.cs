using System.Diagnostics.Metrics;

namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary>
/// The service's own instruments (<c>pinpoint.*</c>) published in this process, under the names Prometheus gives
/// their series: dots become underscores, the unit is appended (<c>s</c> seconds, <c>ms</c> milliseconds, <c>By</c>
/// bytes; a <c>{curly}</c> unit is dropped) unless the name ends with it, counters end in <c>_total</c>,
/// histograms have <c>_bucket</c>, <c>_sum</c> and <c>_count</c>. A counter that has counted nothing yet (a
/// violation on a healthy trail) has no series in a scrape, but its instrument is published all the same.
/// </summary>
internal static class PublishedInstruments
{
    public static IReadOnlySet<string> PrometheusNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Name.StartsWith("pinpoint.", StringComparison.Ordinal))
                {
                    lock (names)
                    {
                        names.UnionWith(PrometheusNames(instrument));
                    }
                }
            };

            // Start reports every instrument created so far.
            listener.Start();
        }

        return names;
    }

    public static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = instrument.Name.Replace('.', '_');
        var unit = instrument.Unit switch { "s" => "seconds", "ms" => "milliseconds", "By" => "bytes", _ => null };
        if (unit is not null && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }

        var kind = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        if (kind == typeof(Counter<>) || kind == typeof(ObservableCounter<>))
        {
            return [name + "_total"];
        }

        return kind == typeof(Histogram<>) ? [name + "_bucket", name + "_sum", name + "_count"] : [name];
    }
}
