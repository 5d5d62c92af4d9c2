using System.IO.Compression;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>
/// A fresh s3rver bucket of hand-made trail files for one account and region, as a hostile member account
/// would write them, with a local copy so the offline scan can read exactly the same bytes.
/// </summary>
internal sealed class HandMadeBucket : IDisposable
{
    public const string Account = "111122223333";
    public const string Region = "us-east-1";
    private const string RegionPrefix = "AWSLogs/o-abcdefghij/" + Account + "/CloudTrail/" + Region + "/";

    private readonly AmazonS3Client _s3 = TestServices.CreateS3Client();
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-handmade-").FullName;
    private readonly List<string> _keys = [];

    private HandMadeBucket(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<string> Keys => _keys;

    public static async Task<HandMadeBucket> CreateAsync()
    {
        var bucket = new HandMadeBucket("hostile-" + Guid.NewGuid().ToString("N")[..12]);
        await bucket._s3.PutBucketAsync(bucket.Name);
        return bucket;
    }

    /// <summary>The key CloudTrail would give a file delivered at <paramref name="stamp"/>.</summary>
    public static string KeyAt(DateTime stamp, string unique) =>
        $"{RegionPrefix}{stamp:yyyy/MM/dd}/{Account}_CloudTrail_{Region}_{stamp:yyyyMMdd'T'HHmm}Z_{unique}.json.gz";

    /// <summary>A Pinpoint record; <paramref name="extra"/> is spliced in as more properties.</summary>
    public static string Record(string eventId, DateTime time, string eventName, string? applicationId, string extra = "") =>
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + Account + ":user/mallory\",\"accountId\":\"" + Account + "\"},"
        + "\"eventTime\":\"" + time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "\",\"eventSource\":\"pinpoint.amazonaws.com\","
        + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"" + Region + "\",\"sourceIPAddress\":\"198.51.100.7\","
        + "\"requestParameters\":" + (applicationId is null ? "{}" : "{\"application-id\":" + System.Text.Json.JsonSerializer.Serialize(applicationId) + "}")
        + ",\"recipientAccountId\":\"" + Account + "\",\"eventID\":\"" + eventId + "\"" + extra + "}";

    public async Task PutAsync(string key, params string[] records)
    {
        var path = Path.Combine(_folder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(',', records) + "]}"));
        }

        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, FilePath = path, UseChunkEncoding = false });
        _keys.Add(key);
    }

    /// <summary>Stores bytes as they are (a damaged file, say).</summary>
    public async Task PutRawAsync(string key, byte[] bytes)
    {
        var path = Path.Combine(_folder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, FilePath = path, UseChunkEncoding = false });
        _keys.Add(key);
    }

    /// <summary>The offline scan of the same bytes, but for <paramref name="except"/>: what the service must agree with.</summary>
    public ScanSummary Scan(params string[] except)
    {
        var reader = AuditEventReader.Create();
        var builder = new ScanSummaryBuilder();
        foreach (var key in _keys.Except(except, StringComparer.Ordinal))
        {
            builder.AddFile(key, reader.ReadFile(Path.Combine(_folder, key)));
        }

        return builder.Build();
    }

    public void Dispose()
    {
        _s3.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
