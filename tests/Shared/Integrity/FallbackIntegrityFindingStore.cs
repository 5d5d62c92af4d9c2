using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Integrity;

namespace PinpointAggregator.Testing.Integrity;

/// <summary>
/// Test-only: an in-memory <see cref="IIntegrityFindingStore"/> for a service composition that registers
/// none (<see cref="AddIfMissing"/>); when the service has its own, that one is used and this is not. Keeps
/// the contract's rules: sequences in append order, idempotent per (prefix, kind, digest key, log key, from),
/// lists newest first.
/// </summary>
public sealed class FallbackIntegrityFindingStore : IIntegrityFindingStore
{
    private readonly Lock _gate = new();
    private readonly List<IntegrityFindingRecord> _findings = [];

    /// <summary>Registers this store unless the composition already has one.</summary>
    public static void AddIfMissing(IServiceCollection services) =>
        services.TryAddSingleton<IIntegrityFindingStore, FallbackIntegrityFindingStore>();

    public Task AppendAsync(IReadOnlyCollection<IntegrityFindingRecord> findings, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var finding in findings)
            {
                if (!_findings.Any(f => SameIdentity(f, finding)))
                {
                    _findings.Add(finding with { Sequence = _findings.Count + 1 });
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IntegrityFindingRecord>> ListAsync(IntegrityFindingQuery query, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<IntegrityFindingRecord> page = [.. _findings.Where(f => Matches(query, f) && (beforeSequence is not { } b || f.Sequence < b))
                .OrderByDescending(f => f.Sequence).Take(limit)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> CountByKindAsync(IntegrityFindingQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, long> counts = _findings.Where(f => Matches(query, f))
                .GroupBy(f => f.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            return Task.FromResult(counts);
        }
    }

    private static bool SameIdentity(IntegrityFindingRecord a, IntegrityFindingRecord b) =>
        a.Prefix == b.Prefix && a.Kind == b.Kind && a.DigestKey == b.DigestKey && a.LogKey == b.LogKey && a.From == b.From;

    private static bool Matches(IntegrityFindingQuery query, IntegrityFindingRecord f) =>
        (query.Accounts is null || query.Accounts.Contains(f.Account))
        && (query.Region is null || query.Region == f.Region)
        && (query.Kinds is null || query.Kinds.Contains(f.Kind))
        && (!query.ViolationsOnly || f.IsViolation)
        && (query.FoundFrom is not { } from || f.FoundAt >= from)
        && (query.FoundUntil is not { } until || f.FoundAt < until);
}
