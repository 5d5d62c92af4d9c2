using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>Persisted: one chain's <see cref="DigestChainState"/> and its <see cref="DigestChainId"/>, field by field.</summary>
[GenerateSerializer, Alias("pa.DigestChainRecord")]
public sealed class DigestChainRecord
{
    [Id(0)] public string AccountId { get; set; } = string.Empty;

    [Id(1)] public string Region { get; set; } = string.Empty;

    [Id(2)] public string TrailName { get; set; } = string.Empty;

    [Id(3)] public string HomeRegion { get; set; } = string.Empty;

    [Id(4)] public bool Backfill { get; set; }

    [Id(5)] public DigestLinkRecord? Last { get; set; }

    [Id(6)] public List<DigestLinkRecord> Recent { get; init; } = [];

    [Id(7)] public DateTime? ValidatedThrough { get; set; }

    [Id(8)] public long DigestsChecked { get; set; }

    /// <summary>
    /// The start of the first digest the chain checked: logs named before it are not expected in any digest
    /// this prefix checked (they were listed by digests before the backfill start, or before integrity was on).
    /// </summary>
    [Id(9)] public DateTime? FirstStart { get; set; }

    /// <summary>
    /// Digests of this chain checked without a finding against themselves (readable, where they say, a known
    /// key, a valid signature). A chain with none is forged or broken through: it does not hold back the
    /// prefix's validated-through, which a member account could otherwise stop by writing a garbage digest name.
    /// </summary>
    [Id(10)] public long TrustedDigests { get; set; }

    public DigestChainState ToState() =>
        new(Last?.ToLink(), [.. Recent.Select(r => r.ToLink())], ValidatedThrough is { } through ? new DateTimeOffset(through, TimeSpan.Zero) : null, DigestsChecked);

    public DigestChainId ChainId() => new(AccountId, Region, TrailName, HomeRegion, Backfill);

    /// <summary>Takes the verifier's state after a check.</summary>
    public void Update(DigestChainState state)
    {
        Last = state.Last is { } last ? DigestLinkRecord.Of(last) : null;
        Recent.Clear();
        Recent.AddRange(state.Recent.Select(DigestLinkRecord.Of));
        ValidatedThrough = state.ValidatedThrough?.UtcDateTime;
        DigestsChecked = state.DigestsChecked;
    }

    public static DigestChainRecord Of(DigestChainId id, DigestChainState state) => new()
    {
        AccountId = id.AccountId,
        Region = id.Region,
        TrailName = id.TrailName,
        HomeRegion = id.HomeRegion,
        Backfill = id.Backfill,
        Last = state.Last is { } last ? DigestLinkRecord.Of(last) : null,
        Recent = [.. state.Recent.Select(DigestLinkRecord.Of)],
        ValidatedThrough = state.ValidatedThrough?.UtcDateTime,
        DigestsChecked = state.DigestsChecked,
    };
}
