using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Integrity;

/// <summary>
/// The finding store of the embedded default and of tests: this process's memory, gone at exit (as the
/// in-memory grain state beside it). Sequences start at 1 and grow by one per finding appended.
/// </summary>
public sealed class MemoryIntegrityFindingStore : IIntegrityFindingStore
{
    private readonly Lock _gate = new();
    private readonly List<IntegrityFindingRecord> _findings = [];
    private readonly HashSet<(string Prefix, string Kind, string? DigestKey, string? LogKey, DateTime From)> _identities = [];

    public Task AppendAsync(IReadOnlyCollection<IntegrityFindingRecord> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        lock (_gate)
        {
            foreach (var finding in findings)
            {
                if (_identities.Add(IdentityOf(finding)))
                {
                    _findings.Add(finding with { Sequence = _findings.Count + 1 });
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IntegrityFindingRecord>> ListAsync(IntegrityFindingQuery query, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<IntegrityFindingRecord> page = [.. Enumerable.Reverse(_findings)
                .Where(f => beforeSequence is not { } before || f.Sequence < before)
                .Where(f => Matches(query, f))
                .Take(limit)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> CountByKindAsync(IntegrityFindingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyDictionary<string, long> counts = _findings.Where(f => Matches(query, f))
                .GroupBy(f => f.Kind, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal);
            return Task.FromResult(counts);
        }
    }

    /// <summary>What makes two findings the same one (<see cref="IIntegrityFindingStore.AppendAsync"/>).</summary>
    private static (string, string, string?, string?, DateTime) IdentityOf(IntegrityFindingRecord finding) =>
        (finding.Prefix, finding.Kind, finding.DigestKey, finding.LogKey, finding.From);

    private static bool Matches(IntegrityFindingQuery query, IntegrityFindingRecord finding) =>
        (query.Accounts is null || query.Accounts.Contains(finding.Account))
        && (query.Region is null || string.Equals(query.Region, finding.Region, StringComparison.Ordinal))
        && (query.Kinds is null || query.Kinds.Contains(finding.Kind))
        && (!query.ViolationsOnly || finding.IsViolation)
        && (query.FoundFrom is not { } from || finding.FoundAt >= from)
        && (query.FoundUntil is not { } until || finding.FoundAt < until);
}
