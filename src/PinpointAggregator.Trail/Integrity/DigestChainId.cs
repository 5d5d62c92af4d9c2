using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// The chain a digest belongs to: one account, region and trail, and whether it is the backfill chain
/// (<c>_backfill</c> digests form a chain of their own).
/// </summary>
public sealed record DigestChainId(string AccountId, string Region, string TrailName, string HomeRegion, bool Backfill)
{
    /// <summary>The chain of a digest key (<see cref="TrailFileKind.Digest"/>).</summary>
    public static DigestChainId Of(TrailKey digestKey)
    {
        ArgumentNullException.ThrowIfNull(digestKey);
        if (digestKey.Kind != TrailFileKind.Digest)
        {
            throw new ArgumentException($"'{digestKey}' is not a digest key.", nameof(digestKey));
        }

        return new DigestChainId(digestKey.AccountId, digestKey.Region, digestKey.TrailName, digestKey.HomeRegion, digestKey.IsBackfill);
    }

    public override string ToString() => $"{AccountId}/{Region}/{TrailName}@{HomeRegion}{(Backfill ? " (backfill)" : string.Empty)}";
}
