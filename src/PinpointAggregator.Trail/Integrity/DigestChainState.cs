namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// Everything a <see cref="DigestChainVerifier"/> carries from one digest to the next, as plain data, so a
/// service can persist it between polls (its grain state maps it field by field) and resume the chain.
/// Bounded: the newest digest and a few recent ones, never the chain's history.
/// </summary>
/// <param name="Last">The newest digest checked in chain order (by end time); null before the first.</param>
/// <param name="Recent">Up to <see cref="DigestChainVerifier.RecentLinks"/> digests checked before <paramref name="Last"/>, newest first: found again when a successor names one of them out of order, or a moved digest's stated key.</param>
/// <param name="ValidatedThrough">The end time of the newest digest checked in chain order: the chain is verified up to here (findings included).</param>
/// <param name="DigestsChecked">How many digests this chain has checked.</param>
public sealed record DigestChainState(
    DigestLink? Last,
    IReadOnlyList<DigestLink> Recent,
    DateTimeOffset? ValidatedThrough,
    long DigestsChecked)
{
    public static DigestChainState Empty { get; } = new(null, [], null, 0);
}
