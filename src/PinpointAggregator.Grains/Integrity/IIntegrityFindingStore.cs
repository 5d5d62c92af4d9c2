using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Integrity;

/// <summary>
/// Every integrity finding of the organization, kept for good (a violation is evidence: never dropped, never
/// pruned by retention). Memory for the embedded default and tests, a PostgreSQL table otherwise.
/// </summary>
public interface IIntegrityFindingStore
{
    /// <summary>
    /// Appends findings; each gets the next <see cref="IntegrityFindingRecord.Sequence"/> (the records given
    /// carry 0). Idempotent per (prefix, kind, digest key, log key, from): a poll that replays after a crash adds nothing twice.
    /// </summary>
    Task AppendAsync(IReadOnlyCollection<IntegrityFindingRecord> findings, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> findings matching <paramref name="query"/>, newest first (descending
    /// <see cref="IntegrityFindingRecord.Sequence"/>), strictly before <paramref name="beforeSequence"/> when given.
    /// </summary>
    Task<IReadOnlyList<IntegrityFindingRecord>> ListAsync(IntegrityFindingQuery query, long? beforeSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Findings matching <paramref name="query"/> per kind name.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByKindAsync(IntegrityFindingQuery query, CancellationToken cancellationToken);
}
