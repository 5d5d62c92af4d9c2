using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PinpointAggregator.Testing;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Benchmarks.Notifications;

/// <summary>
/// An organization trail written whole into a staging folder up front (logs every <see cref="FileEvery"/> per
/// prefix, staggered between prefixes, and CloudTrail's signed hourly digests over them), then delivered into the
/// bucket folder file by file as a simulated clock passes each file's delivery time: a log
/// <see cref="LogDelay"/> after its name-time, a digest <see cref="DigestDelay"/> after the end of its hour.
/// </summary>
internal sealed class SimulatedTrail
{
    public static readonly TimeSpan FileEvery = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LogDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DigestDelay = TimeSpan.FromMinutes(15);
    private const string Organization = "o-abcdefghij";

    private readonly string _staging;
    private readonly Queue<(DateTime At, string Key, bool IsLog)> _undelivered;

    private SimulatedTrail(string root, string staging, IEnumerable<(DateTime At, string Key, bool IsLog)> files, string publicKeyFile)
    {
        (Bucket, _staging, PublicKeyFile) = (Path.Combine(root, "bucket"), staging, publicKeyFile);
        Directory.CreateDirectory(Bucket);
        _undelivered = new Queue<(DateTime, string, bool)>(files.OrderBy(f => f.At).ThenBy(f => f.Key, StringComparer.Ordinal));
    }

    /// <summary>The bucket folder the silo reads (<c>Ingestion:Buckets:0:LocalPath</c>).</summary>
    public string Bucket { get; }

    /// <summary>The digests' public key (PEM), for <c>Integrity:PublicKeyFiles</c>.</summary>
    public string PublicKeyFile { get; }

    /// <summary>Writes the trail for <paramref name="accounts"/> × <paramref name="regions"/> prefixes from <paramref name="from"/> to <paramref name="until"/>.</summary>
    public static SimulatedTrail Write(string root, int accounts, int regions, DateTime from, DateTime until)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var staging = Directory.CreateDirectory(Path.Combine(root, "staging")).FullName;
        var files = new List<(DateTime, string, bool)>();
        var prefix = 0;
        foreach (var account in Enumerable.Range(0, accounts).Select(a => (111122220000L + a).ToString(CultureInfo.InvariantCulture)))
        {
            foreach (var region in new[] { "us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1" }.Take(regions))
            {
                // Prefixes deliver at different minutes, as real ones do.
                var offset = TimeSpan.FromMinutes(prefix++ % 5);
                for (var stamp = from + offset; stamp < until; stamp += FileEvery)
                {
                    var key = LogKey(account, region, stamp);
                    WriteLog(Path.Combine(staging, key), account, region, stamp);
                    files.Add((stamp + LogDelay, key, true));
                }
            }
        }

        using var signer = RSA.Create(2048);
        foreach (var (key, _) in TrailDigestWriter.Write(staging, signer))
        {
            // A digest's name-time is the end of its hour.
            var end = TrailKey.TryParse(key, out var parsed, out _) ? parsed.Timestamp.UtcDateTime : throw new InvalidOperationException($"the digest writer wrote an unparseable key {key}");
            files.Add((end + DigestDelay, key, false));
        }

        var publicKey = Path.Combine(root, "digest-key.pem");
        File.WriteAllText(publicKey, signer.ExportSubjectPublicKeyInfoPem());
        return new SimulatedTrail(root, staging, files, publicKey);
    }

    /// <summary>Moves every file due by <paramref name="now"/> into the bucket; returns the logs delivered (key and name-time).</summary>
    public List<(string Key, DateTime Stamp)> DeliverUntil(DateTime now)
    {
        var logs = new List<(string, DateTime)>();
        while (_undelivered.TryPeek(out var next) && next.At <= now)
        {
            _undelivered.Dequeue();
            var target = Path.Combine(Bucket, next.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(_staging, next.Key), target);
            if (next.IsLog)
            {
                logs.Add((next.Key, next.At - LogDelay));
            }
        }

        return logs;
    }

    private static string LogKey(string account, string region, DateTime stamp) =>
        $"AWSLogs/{Organization}/{account}/CloudTrail/{region}/{stamp:yyyy/MM/dd}/{account}_CloudTrail_{region}_{stamp:yyyyMMdd'T'HHmm}Z_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account + region + stamp.Ticks)))[..16]}.json.gz";

    /// <summary>One Pinpoint call per file (a read of one application), enough for a real read and apply.</summary>
    private static void WriteLog(string path, string account, string region, DateTime stamp)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + account + ":user/ops\",\"accountId\":\"" + account + "\"},"
            + "\"eventTime\":\"" + stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\",\"eventSource\":\"pinpoint.amazonaws.com\","
            + "\"eventName\":\"GetApp\",\"awsRegion\":\"" + region + "\",\"sourceIPAddress\":\"198.51.100.7\","
            + "\"requestParameters\":{\"application-id\":\"0123456789abcdef0123456789abcdef\"},\"recipientAccountId\":\"" + account + "\","
            + "\"eventID\":\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..32] + "\"}";
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes("{\"Records\":[" + record + "]}"));
    }
}
