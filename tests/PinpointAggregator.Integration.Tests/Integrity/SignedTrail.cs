using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>
/// A small organization trail of one account and region, made by the test: two log files an hour and an hourly
/// digest chain signed as CloudTrail signs it, with a key the test makes. It can be damaged in each way a
/// member account could, and written to a folder or uploaded to s3rver with each digest's <c>signature</c> metadata.
/// </summary>
internal sealed class SignedTrail : IDisposable
{
    public const string Account = HandMadeBucket.Account;
    public const string Region = HandMadeBucket.Region;
    public const string TrailName = "org-trail";
    private const string Organization = "o-abcdefghij";
    private const string DigestFolder = "AWSLogs/" + Organization + "/" + Account + "/CloudTrail-Digest/" + Region + "/";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _signatures = new(StringComparer.Ordinal);
    private readonly List<(string Key, DateTime Start, DateTime End)> _digests = [];
    private string? _previousKey;
    private string? _previousHash;
    private string? _previousSignature;
    private int _events;

    public SignedTrail(string bucket, DateTime firstHour, int hours)
    {
        Bucket = bucket;
        for (var hour = 0; hour < hours; hour++)
        {
            AddHour(firstHour.AddHours(hour));
        }
    }

    /// <summary>The bucket the digests name (<c>digestS3Bucket</c>).</summary>
    public string Bucket { get; }

    public DigestPublicKey PublicKey => DigestPublicKey.FromDer(_rsa.ExportRSAPublicKey());

    public IReadOnlyList<(string Key, DateTime Start, DateTime End)> Digests => _digests;

    public IEnumerable<string> LogKeys => _files.Keys.Where(k => k.Contains("/CloudTrail/", StringComparison.Ordinal));

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Adds one hour: two log files (at :10 and :40) and the hour's digest, chained to the last one.</summary>
    public void AddHour(DateTime start)
    {
        var end = start.AddHours(1);
        var logs = new JsonArray();
        foreach (var minute in new[] { 10, 40 })
        {
            var (key, content) = LogAt(start.AddMinutes(minute));
            _files[key] = Gzip(content);
            logs.Add(new JsonObject
            {
                ["s3Bucket"] = Bucket,
                ["s3Object"] = key,
                ["hashValue"] = Sha256(content),
                ["hashAlgorithm"] = "SHA-256",
                ["newestEventTime"] = Time(start.AddMinutes(minute - 1)),
                ["oldestEventTime"] = Time(start.AddMinutes(minute - 1)),
            });
        }

        var digestKey = DigestKey(TrailName, end);
        var digest = new JsonObject
        {
            ["awsAccountId"] = Account,
            ["digestStartTime"] = Time(start),
            ["digestEndTime"] = Time(end),
            ["digestS3Bucket"] = Bucket,
            ["digestS3Object"] = digestKey,
            ["digestPublicKeyFingerprint"] = PublicKey.Fingerprint,
            ["digestSignatureAlgorithm"] = "SHA256withRSA",
            ["newestEventTime"] = Time(start.AddMinutes(39)),
            ["oldestEventTime"] = Time(start.AddMinutes(9)),
            ["previousDigestS3Bucket"] = _previousKey is null ? null : Bucket,
            ["previousDigestS3Object"] = _previousKey,
            ["previousDigestHashValue"] = _previousHash,
            ["previousDigestHashAlgorithm"] = _previousKey is null ? null : "SHA-256",
            ["previousDigestSignature"] = _previousSignature,
            ["logFiles"] = logs,
        };
        var bytes = Encoding.UTF8.GetBytes(digest.ToJsonString());
        var hash = Sha256(bytes);
        var signature = Sign(DigestSigningString.Build(end, Bucket, digestKey, hash, _previousSignature));
        _files[digestKey] = Gzip(bytes);
        _signatures[digestKey] = signature;
        _digests.Add((digestKey, start, end));
        (_previousKey, _previousHash, _previousSignature) = (digestKey, hash, signature);
    }

    /// <summary>
    /// An hour with validation off: its logs are delivered, no digest is written, and the next digest starts a new
    /// chain (no previous digest): a <c>Gap</c>, and the hour's logs are listed by no digest.
    /// </summary>
    public IReadOnlyList<string> AddHourWithValidationOff(DateTime start)
    {
        var keys = new List<string>();
        foreach (var minute in new[] { 10, 40 })
        {
            var (key, content) = LogAt(start.AddMinutes(minute));
            _files[key] = Gzip(content);
            keys.Add(key);
        }

        (_previousKey, _previousHash, _previousSignature) = (null, null, null);
        return keys;
    }

    /// <summary>Changes one byte of a log's content (an event id's digit), keeping its key: <c>LogModified</c>.</summary>
    public void ModifyLog(string key)
    {
        var content = Gunzip(_files[key]);
        var at = Encoding.UTF8.GetString(content).IndexOf("\"eventID\":\"", StringComparison.Ordinal) + "\"eventID\":\"".Length;
        content[at] = content[at] == (byte)'0' ? (byte)'1' : (byte)'0';
        _files[key] = Gzip(content);
    }

    public void Delete(string key) => Assert.True(_files.Remove(key), key);

    /// <summary>A log no digest lists, named at <paramref name="time"/>: <c>LogNotInAnyDigest</c> once the digests cover it.</summary>
    public string AddUnlistedLog(DateTime time)
    {
        var (key, content) = LogAt(time);
        _files[key] = Gzip(content);
        return key;
    }

    /// <summary>Files named as digests of another trail whose bytes are not a digest at all, as a hostile account could write by the thousand.</summary>
    public IReadOnlyList<string> AddForgedDigests(int count, DateTime nameTime)
    {
        var keys = Enumerable.Range(0, count).Select(i => DigestKey($"forged{i:0000}", nameTime)).ToList();
        foreach (var key in keys)
        {
            _files[key] = Gzip(Encoding.UTF8.GetBytes("{\"not\":\"a digest\"}"));
        }

        return keys;
    }

    public void WriteTo(string folder)
    {
        foreach (var (key, bytes) in _files)
        {
            var path = Path.Combine(folder, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>Uploads every file; each digest with its signature in <c>x-amz-meta-signature</c>, as CloudTrail writes it.</summary>
    public async Task UploadAsync(IAmazonS3 s3, string bucket)
    {
        foreach (var (key, bytes) in _files)
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(bytes), UseChunkEncoding = false };
            if (_signatures.TryGetValue(key, out var signature))
            {
                request.Metadata.Add("signature", signature);
            }

            await s3.PutObjectAsync(request);
        }
    }

    public void Dispose() => _rsa.Dispose();

    public static string DigestKey(string trail, DateTime nameTime) =>
        $"{DigestFolder}{nameTime:yyyy'/'MM'/'dd}/{Account}_CloudTrail-Digest_{Region}_{trail}_{Region}_{nameTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json.gz";

    private (string Key, byte[] Content) LogAt(DateTime time)
    {
        _events++;
        var key = HandMadeBucket.KeyAt(time, $"U{_events:00000}");
        var record = HandMadeBucket.Record($"00000000-0000-0000-0000-{_events:000000000000}", time.AddMinutes(-1), "CreateCampaign", "0123456789abcdef0123456789abcdef");
        return (key, Encoding.UTF8.GetBytes("{\"Records\":[" + record + "]}"));
    }

    private string Sign(string signingString) =>
        Convert.ToHexStringLower(_rsa.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }
}
