using System.Security.Cryptography;
using PinpointAggregator.SampleData.Damage;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.SampleData.Digests;

/// <summary>
/// Builds one chain of digests as CloudTrail writes it: one per period, each naming its predecessor (key, content
/// hash, signature), signed SHA256withRSA over <see cref="DigestSigningString"/>. The chain is built whole and
/// genuine; damages that remove or alter digests are applied when they are written.
/// </summary>
internal sealed class DigestChainBuilder(TrailRoot root, string account, string region, string bucket, DigestHours hours)
{
    /// <summary>The trail the sample's digests name (and its home region).</summary>
    public const string TrailName = "org-trail";
    public const string HomeRegion = "us-east-1";

    /// <param name="periods">The periods of the chain, ascending (a <see cref="TrailDamage.ChainRestarted"/> hour left out).</param>
    /// <param name="listed">The logs each period lists.</param>
    /// <param name="backfill">Whether this is the <c>_backfill</c> chain (its keys end in <c>_backfill</c>).</param>
    /// <param name="restartsAt">A period that starts a new chain although it has a predecessor, or null.</param>
    /// <param name="signerOf">The key that signs each period's digest.</param>
    public List<SignedDigest> Build(IEnumerable<int> periods, Func<int, IReadOnlyList<ListedLog>> listed, bool backfill, int? restartsAt, Func<int, (SampleSigningKey Key, RSA Rsa)> signerOf)
    {
        var chain = new List<SignedDigest>();
        SignedDigest? previous = null;
        foreach (var hour in periods)
        {
            var (key, rsa) = signerOf(hour);
            var link = previous is null || hour == restartsAt ? null : new PreviousDigest(previous.Key, previous.Sha256, previous.Signature);
            var content = DigestContent.Of(account, hours.Start(hour), hours.End(hour), bucket, KeyOf(hours.End(hour), backfill).Format(), key.Fingerprint, link, listed(hour));
            var json = DigestDocument.Write(content);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(json));
            var signature = SampleSigningKey.Sign(rsa, DigestSigningString.Build(content.End, bucket, content.Key, sha256, link?.Signature));
            previous = new SignedDigest(hour, content, json, sha256, signature);
            chain.Add(previous);
        }

        return chain;
    }

    /// <summary>The key CloudTrail writes a digest ending at <paramref name="end"/> to: its day folder and name carry the end time.</summary>
    public TrailKey KeyOf(DateTimeOffset end, bool backfill) => new()
    {
        Root = root, Kind = TrailFileKind.Digest, AccountId = account, Region = region, Day = DateOnly.FromDateTime(end.UtcDateTime),
        Timestamp = end, TrailName = TrailName, HomeRegion = HomeRegion, IsBackfill = backfill,
    };
}
