using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Integrity validation's counters and gauge on the ingestion meter (<see cref="IngestionMetrics.MeterName"/>).
/// One instance per silo. Digest requests are counted with the others (<see cref="IngestionMetrics.Request"/>,
/// kinds <see cref="RequestKinds.DigestList"/> and <see cref="RequestKinds.DigestGet"/>).
/// </summary>
/// <remarks>
/// As for the ingestion lag, the validated-through lag is one series per account (the largest of its
/// prefixes on this silo), never per prefix. Labels are closed sets (finding kinds) or validated 12-digit ids.
/// </remarks>
public sealed class IntegrityMetrics
{
    private readonly ConcurrentDictionary<string, (string Account, double LagSeconds)> _prefixes = new(StringComparer.Ordinal);
    private readonly Counter<long> _findings;
    private readonly Counter<long> _digests;

    public IntegrityMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(IngestionMetrics.MeterName);
        _findings = meter.CreateCounter<long>("pinpoint.integrity.findings", "{finding}", "Integrity findings, by kind (violations and gaps).");
        _digests = meter.CreateCounter<long>("pinpoint.integrity.digests", "{digest}", "Digest files read and checked.");
        meter.CreateObservableGauge("pinpoint.integrity.validated_lag", ObserveLag, "s", "Per account, the largest validated-through lag of its prefixes on this silo: now minus the time through which every digest chain was verified.");
    }

    /// <summary>A finding of <paramref name="kind"/> (an <c>IntegrityFindingKind</c> name).</summary>
    public void Finding(string kind) => _findings.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void DigestChecked() => _digests.Add(1);

    /// <summary>The prefix's validated-through lag, reported under its account; null when nothing is validated yet.</summary>
    public void Prefix(string prefix, string account, TimeSpan? lag)
    {
        if (lag is { } value)
        {
            _prefixes[prefix] = (account, value.TotalSeconds);
        }
        else
        {
            _prefixes.TryRemove(prefix, out _);
        }
    }

    /// <summary>The prefix may activate on another silo next: this silo stops reporting it.</summary>
    public void Forget(string prefix) => _prefixes.TryRemove(prefix, out _);

    private IEnumerable<Measurement<double>> ObserveLag() =>
        _prefixes.Values.GroupBy(p => p.Account, StringComparer.Ordinal)
            .Select(g => new Measurement<double>(g.Max(p => p.LagSeconds), new KeyValuePair<string, object?>("account", g.Key)));
}
