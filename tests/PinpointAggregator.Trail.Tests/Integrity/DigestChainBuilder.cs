using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Tests.Digests;

namespace PinpointAggregator.Trail.Tests.Integrity;

/// <summary>
/// Builds a chain of real CloudTrail digests, one per hour, as CloudTrail writes them: real gzip, each signed by
/// the test's own RSA key over the real signing string and naming its predecessor's key, hash and signature; the
/// logs each hour lists exist (with their hashes) in <see cref="Logs"/>. Tests damage what they need.
/// </summary>
internal sealed class DigestChainBuilder : IDisposable
{
    public const string Bucket = "org-trail-bucket";
    public const string Account = "111122223333";
    public const string Region = "us-east-1";

    /// <summary>The first digest's start: not on the hour, as CloudTrail's own example (14:01:31 to 15:01:31).</summary>
    public static readonly DateTimeOffset Origin = new(2024, 6, 1, 0, 1, 31, TimeSpan.Zero);

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TrailRoot Root = new(string.Empty, "o-abcd123456");

    private readonly List<BuiltDigest> _digests = [];

    public DigestChainBuilder(string trailName = "org-trail", bool backfill = false)
    {
        TrailName = trailName;
        IsBackfill = backfill;
    }

    public string TrailName { get; }

    public bool IsBackfill { get; }

    public SignedDigest Signer { get; } = new();

    /// <summary>Every log any digest lists, as the caller of the verifier would resolve it: hashed, unless a test changes it.</summary>
    public Dictionary<string, LogFileState> Logs { get; } = new(StringComparer.Ordinal);

    /// <summary>Each log's uncompressed content, by key.</summary>
    public Dictionary<string, byte[]> LogContent { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<BuiltDigest> Digests => _digests;

    public BuiltDigest this[int index] => _digests[index];

    public DigestSignatureVerifier Verifier => new(new DigestPublicKeySet([Signer.PublicKey]));

    public DigestChainVerifier NewChain() => new(Verifier, DigestChainState.Empty);

    /// <summary>
    /// Appends the next digest: it starts where the previous one ended (plus <paramref name="after"/>), lists
    /// <paramref name="logs"/> new logs of its hour, names the previous digest unless <paramref name="startsChain"/>,
    /// and is signed after <paramref name="beforeSigning"/> has changed its JSON.
    /// </summary>
    public BuiltDigest Add(int logs = 2, bool startsChain = false, TimeSpan? after = null, Action<JsonObject>? beforeSigning = null, SignedDigest? signer = null)
    {
        var previous = _digests.Count == 0 ? null : _digests[^1];
        var start = (previous?.End ?? Origin) + (after ?? TimeSpan.Zero);
        var end = start + Hour;
        var key = DigestKey(end);
        var listed = new JsonArray();
        var logKeys = new List<string>();
        for (var i = 0; i < logs; i++)
        {
            var logTime = start + TimeSpan.FromMinutes(5 + (50 * i / Math.Max(1, logs)));
            var logKey = LogKey(logTime, _digests.Count, i);
            var content = Encoding.UTF8.GetBytes($"{{\"Records\":[{{\"eventID\":\"{TrailName}-{_digests.Count}-{i}\",\"eventTime\":\"{Time(logTime)}\"}}]}}");
            LogContent[logKey] = content;
            Logs[logKey] = LogFileState.Hashed(Sha256(content));
            logKeys.Add(logKey);
            listed.Add(DigestJson.LogFile(logKey, Sha256(content), Time(logTime), Time(logTime)));
        }

        var json = new JsonObject
        {
            ["awsAccountId"] = Account,
            ["digestStartTime"] = Time(start),
            ["digestEndTime"] = Time(end),
            ["digestS3Bucket"] = Bucket,
            ["digestS3Object"] = key,
            ["digestPublicKeyFingerprint"] = Signer.Fingerprint,
            ["digestSignatureAlgorithm"] = "SHA256withRSA",
            ["newestEventTime"] = logs == 0 ? null : Time(start + TimeSpan.FromMinutes(55)),
            ["oldestEventTime"] = logs == 0 ? null : Time(start + TimeSpan.FromMinutes(5)),
            ["previousDigestS3Bucket"] = previous is null || startsChain ? null : Bucket,
            ["previousDigestS3Object"] = previous is null || startsChain ? null : previous.Key,
            ["previousDigestHashValue"] = previous is null || startsChain ? null : previous.Read.UncompressedSha256,
            ["previousDigestHashAlgorithm"] = previous is null || startsChain ? null : "SHA-256",
            ["previousDigestSignature"] = previous is null || startsChain ? null : previous.Signature,
            ["logFiles"] = listed,
        };
        beforeSigning?.Invoke(json);
        var gzip = TrailJson.Gzip(DigestJson.Bytes(json));
        var read = DigestFiles.Read(gzip);
        Assert.True(read.Succeeded, read.Error?.ToString());
        var signature = (signer ?? Signer).Sign(DigestSigningString.For(read.Digest!, read.UncompressedSha256!));
        var built = new BuiltDigest(key, start, end, json, gzip, read, signature, logKeys);
        _digests.Add(built);
        return built;
    }

    /// <summary>Appends <paramref name="count"/> digests with <paramref name="logs"/> logs each.</summary>
    public DigestChainBuilder AddMany(int count, int logs = 2)
    {
        for (var i = 0; i < count; i++)
        {
            Add(logs);
        }

        return this;
    }

    /// <summary>The digest key for a digest ending at <paramref name="end"/>, in this builder's chain.</summary>
    public string DigestKey(DateTimeOffset end) => new TrailKey
    {
        Root = Root, Kind = TrailFileKind.Digest, AccountId = Account, Region = Region, Day = DateOnly.FromDateTime(end.UtcDateTime),
        Timestamp = end, TrailName = TrailName, HomeRegion = Region, IsBackfill = IsBackfill,
    }.Format();

    /// <summary>Checks every digest of <paramref name="observations"/> in turn with one verifier, then finishes it.</summary>
    public List<IntegrityFinding> Verify(IEnumerable<DigestObservation> observations, DigestChainVerifier? chain = null)
    {
        chain ??= NewChain();
        var findings = new List<IntegrityFinding>();
        foreach (var observation in observations)
        {
            findings.AddRange(chain.Check(observation, Logs));
        }

        findings.AddRange(chain.Finish());
        return findings;
    }

    /// <summary>Every digest as found where it was written, with its stored signature unless <paramref name="signed"/> is false.</summary>
    public IEnumerable<DigestObservation> Observations(bool signed = true) => _digests.Select(d => d.Observation(signed));

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void Dispose() => Signer.Dispose();

    private string LogKey(DateTimeOffset time, int hour, int index) => new TrailKey
    {
        Root = Root, Kind = TrailFileKind.Log, AccountId = Account, Region = Region, Day = DateOnly.FromDateTime(time.UtcDateTime),
        Timestamp = new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero),
        Unique = $"{TrailName.Replace("-", string.Empty, StringComparison.Ordinal)}{(IsBackfill ? "B" : "L")}{hour:D4}x{index:D2}",
    }.Format();
}

/// <summary>One digest a <see cref="DigestChainBuilder"/> wrote: its key, period, JSON, gzip bytes, reading and signature.</summary>
internal sealed record BuiltDigest(string Key, DateTimeOffset Start, DateTimeOffset End, JsonObject Json, byte[] Gzip, DigestReadResult Read, string Signature, IReadOnlyList<string> LogKeys)
{
    /// <summary>The digest as found at <paramref name="foundAt"/> (default: where it was written).</summary>
    public DigestObservation Observation(bool signed = true, string? foundAt = null) =>
        new(DigestChainBuilder.Bucket, foundAt ?? Key, Read, signed ? Signature : null);

    /// <summary>The same digest found with other content (not signed again): <paramref name="change"/> edits a copy of its JSON.</summary>
    public DigestObservation Tampered(Action<JsonObject> change, bool signed = true)
    {
        var json = (JsonObject)Json.DeepClone();
        change(json);
        return new(DigestChainBuilder.Bucket, Key, DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json))), signed ? Signature : null);
    }
}
