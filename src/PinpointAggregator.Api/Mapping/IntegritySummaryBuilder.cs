using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Mapping;

/// <summary>
/// Adds up the integrity status of some prefixes: how many are validated, failing or have violations, the
/// oldest validated-through time and the largest lag, digests checked and waiting. The findings by kind come
/// from wherever the caller counts them (<see cref="Build"/>).
/// </summary>
internal sealed class IntegritySummaryBuilder
{
    private readonly IntegritySummary _summary = new();
    private DateTime? _oldest;
    private TimeSpan? _largestLag;

    public void Add(PrefixIntegrityStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _summary.Prefixes++;
        if (!status.Enabled)
        {
            _summary.PrefixesDisabled++;
        }

        if (status.Violations > 0)
        {
            _summary.PrefixesWithViolations++;
        }

        if (!string.IsNullOrEmpty(status.LastError))
        {
            _summary.PrefixesFailing++;
        }

        _summary.DigestsChecked += status.DigestsChecked;
        _summary.DigestsWaiting += status.DigestsWaiting;
        if (status.ValidatedThrough is { } through)
        {
            _summary.PrefixesValidated++;
            _oldest = _oldest is { } o && o <= through ? o : through;
        }

        if (status.ValidatedThroughLag is { } lag)
        {
            _largestLag = _largestLag is { } l && l >= lag ? l : lag;
        }
    }

    /// <param name="findingsByKind">Findings by stored kind name (violations and gaps).</param>
    public IntegritySummary Build(IEnumerable<KeyValuePair<string, long>> findingsByKind)
    {
        var counts = IntegrityKinds.Counts(findingsByKind).ToList();
        _summary.FindingsByKind.AddRange(counts);
        _summary.Violations = counts.Where(c => c.Violation).Sum(c => c.Count);
        _summary.OldestValidatedThrough = ProtoTime.ToTimestamp(_oldest);
        _summary.LargestValidatedThroughLag = ProtoTime.ToDuration(_largestLag);
        return _summary;
    }

    /// <summary>The summary of <paramref name="prefixes"/>, findings counted by the prefixes themselves.</summary>
    public static IntegritySummary Of(IEnumerable<PrefixIntegrityStatus> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var builder = new IntegritySummaryBuilder();
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            builder.Add(prefix);
            foreach (var (kind, count) in prefix.FindingsByKind)
            {
                byKind[kind] = byKind.GetValueOrDefault(kind) + count;
            }
        }

        return builder.Build(byKind);
    }
}
