using System.Security.Cryptography;
using PinpointAggregator.SampleData.Damage;
using PinpointAggregator.SampleData.Digests;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Writes the digests of one account and region: the hourly chain listing every log delivered in its hour, the
/// backfill chain when asked for (listing the late logs instead), each signed, then this stream's digest damages
/// applied as they are written; says where each digest ended up and which chain findings the damages cause.
/// </summary>
internal sealed class StreamDigestWriter(string folder, TrailRoot root, string account, string region, SampleTrailOptions options, DigestHours hours)
{
    /// <summary>How far from its own key a moved or copied digest is put: the same folder, half an hour later in its name.</summary>
    private static readonly TimeSpan Elsewhere = TimeSpan.FromMinutes(30);

    private readonly DigestChainBuilder _builder = new(root, account, region, options.Bucket, hours);

    public List<SampleFile> Files { get; } = [];

    public SortedDictionary<string, string> Signatures { get; } = new(StringComparer.Ordinal);

    public List<FoundDigest> Found { get; } = [];

    /// <summary>The findings about digests and chains (the log findings follow from <see cref="Found"/>).</summary>
    public List<ExpectedFinding> Findings { get; } = [];

    /// <param name="logs">The stream's logs as planned, in the same order as <paramref name="written"/>.</param>
    /// <param name="written">What became of each log (the extra unlisted one after them).</param>
    /// <param name="targets">This stream's damages.</param>
    public void Write(IReadOnlyList<PlannedLog> logs, IReadOnlyList<WrittenLog> written, IReadOnlyList<DamageTarget> targets)
    {
        var published = SampleSigningKey.For(0);
        using var publishedRsa = published.CreateRsa();
        var forger = targets.Any(t => t.Kind == TrailDamage.SignedByUnknownKey) ? SampleSigningKey.For(1) : null;
        using var forgerRsa = forger?.CreateRsa();
        var forged = targets.FirstOrDefault(t => t.Kind == TrailDamage.SignedByUnknownKey)?.Hour;
        (SampleSigningKey, RSA) SignerOf(int hour) => hour == forged ? (forger!, forgerRsa!) : (published, publishedRsa);

        var regular = new List<ListedLog>[hours.Count];
        var backfill = new SortedDictionary<int, List<ListedLog>>();
        for (var i = 0; i < logs.Count; i++)
        {
            if (!written[i].Listed)
            {
                continue;
            }

            var hour = hours.HourOf(logs[i].Delivered);
            var entry = new ListedLog(logs[i].Key, written[i].Sha256, logs[i].NewestEventTime, logs[i].OldestEventTime);
            var list = options.BackfillDigests && logs[i].Late
                ? backfill.TryGetValue(hour, out var b) ? b : backfill[hour] = []
                : regular[hour] ??= [];
            list.Add(entry);
        }

        var offHour = targets.FirstOrDefault(t => t.Kind == TrailDamage.ChainRestarted)?.Hour;
        var chain = _builder.Build(
            Enumerable.Range(0, hours.Count).Where(h => h != offHour), h => regular[h] ?? [], backfill: false, restartsAt: offHour + 1, SignerOf);
        foreach (var digest in chain)
        {
            WriteDamaged(digest, TargetOf(digest.Hour, targets), chain);
        }

        if (backfill.Count > 0)
        {
            var periods = Enumerable.Range(backfill.Keys.First(), backfill.Keys.Last() - backfill.Keys.First() + 1);
            foreach (var digest in _builder.Build(periods, h => backfill.TryGetValue(h, out var l) ? l : [], backfill: true, restartsAt: null, SignerOf))
            {
                Put(digest.Key, digest.Json, digest.Signature, digest, damage: null, backfill: true);
            }
        }
    }

    private void WriteDamaged(SignedDigest digest, DamageTarget? target, List<SignedDigest> chain)
    {
        var damage = target?.Kind;
        switch (damage)
        {
            case TrailDamage.DigestDeleted:
                Findings.Add(new(IntegrityFindingKind.DigestMissing, digest.Key, null));
                return;
            case TrailDamage.TwoDigestsDeleted:
                // The successor names the second; the first's hour is found only from the hours between.
                Findings.Add(digest.Hour == target!.Hour
                    ? new(IntegrityFindingKind.DigestMissing, null, null)
                    : new(IntegrityFindingKind.DigestMissing, digest.Key, null));
                return;
            case TrailDamage.DigestMoved:
                var moved = MovedKey(digest);
                Put(moved, digest.Json, digest.Signature, digest, damage, backfill: false);
                Findings.Add(new(IntegrityFindingKind.DigestMovedOrRenamed, moved, null));
                return;
            case TrailDamage.DigestCopied:
                Put(digest.Key, digest.Json, digest.Signature, digest, damage: null, backfill: false);
                var copy = MovedKey(digest);
                Put(copy, digest.Json, digest.Signature, digest, damage, backfill: false);
                Findings.Add(new(IntegrityFindingKind.DigestMovedOrRenamed, copy, null));
                return;
            case TrailDamage.DigestContentChanged:
                var changed = digest.Content with { OldestEventTime = digest.Content.OldestEventTime!.Value - TimeSpan.FromHours(1) };
                Put(digest.Key, DigestDocument.Write(changed), digest.Signature, digest, damage, backfill: false);
                Findings.Add(new(IntegrityFindingKind.SignatureInvalid, digest.Key, null));
                Findings.Add(new(IntegrityFindingKind.ChainBroken, SuccessorOf(digest, chain).Key, null));
                return;
            case TrailDamage.SignatureChanged:
                // The successor's previousDigestSignature is not compared with a stored signature that does not verify.
                Put(digest.Key, digest.Json, LogBytes.ChangeLastDigit(digest.Signature), digest, damage, backfill: false);
                Findings.Add(new(IntegrityFindingKind.SignatureInvalid, digest.Key, null));
                return;
            case TrailDamage.SignedByUnknownKey:
                Put(digest.Key, digest.Json, digest.Signature, digest, damage, backfill: false);
                Findings.Add(new(IntegrityFindingKind.KeyUnknown, digest.Key, null));
                return;
            case TrailDamage.ChainRestarted:
                // The target is the hour logging was off; this digest, the one after it, starts the new chain.
                Put(digest.Key, digest.Json, digest.Signature, digest, damage, backfill: false);
                Findings.Add(new(IntegrityFindingKind.Gap, digest.Key, null));
                return;
            default:
                Put(digest.Key, digest.Json, digest.Signature, digest, damage: null, backfill: false);
                return;
        }
    }

    /// <summary>The damage that falls on the regular digest of <paramref name="hour"/>, if any.</summary>
    private static DamageTarget? TargetOf(int hour, IReadOnlyList<DamageTarget> targets) => targets.FirstOrDefault(t => t.Kind switch
    {
        TrailDamage.TwoDigestsDeleted => hour == t.Hour || hour == t.Hour + 1,
        TrailDamage.ChainRestarted => hour == t.Hour + 1,
        _ => hour == t.Hour,
    });

    private void Put(string key, byte[] json, string signature, SignedDigest digest, TrailDamage? damage, bool backfill)
    {
        SampleFolder.Write(folder, key, FileCorruptor.Compress(json));
        Signatures[key] = signature;
        Files.Add(new SampleFile(key, 0, 0, Late: false, Malformed: null, ExpectedError: null, Digest: true) { Damage = damage });
        Found.Add(new FoundDigest(key, [.. digest.Content.Logs.Select(l => l.Key)], digest.Content.End, backfill));
    }

    private string MovedKey(SignedDigest digest) => _builder.KeyOf(digest.Content.End + Elsewhere, backfill: false).Format();

    private static SignedDigest SuccessorOf(SignedDigest digest, List<SignedDigest> chain) => chain[chain.IndexOf(digest) + 1];
}
