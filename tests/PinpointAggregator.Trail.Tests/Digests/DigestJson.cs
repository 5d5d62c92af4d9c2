using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>Digest documents for tests, shaped as the CloudTrail User Guide's examples; tests change them as they need.</summary>
internal static class DigestJson
{
    public const string Bucket = "org-trail-bucket";
    public const string Key = "AWSLogs/o-abcd123456/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240601T020000Z.json.gz";
    public const string PreviousKey = "AWSLogs/o-abcd123456/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240601T010000Z.json.gz";
    public const string LogKey1 = "AWSLogs/o-abcd123456/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0105Z_AbCdEf0123456789.json.gz";
    public const string LogKey2 = "AWSLogs/o-abcd123456/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0150Z_ZyXwVu9876543210.json.gz";
    public const string Fingerprint = "31e8b5433410dfb61a9dc45cc65b22ff";
    public const string PreviousHash = "97fb791cf91ffc440d274f8190dbdd9aa09c34432aba82739df18b6d3c13df2d";
    public const string Hash1 = "9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6";
    public const string Hash2 = "4ff08d7c6ecd6eb313257e839645d20363ee3784a2328a7d76b99b53cc9bcacd";
    public static readonly string PreviousSignature = string.Concat(Enumerable.Repeat("0a1b2c3d", 64));

    /// <summary>A digest in the middle of a chain listing two log files.</summary>
    public static JsonObject Chained(string fingerprint = Fingerprint) => new()
    {
        ["awsAccountId"] = "111122223333",
        ["digestStartTime"] = "2024-06-01T01:00:00Z",
        ["digestEndTime"] = "2024-06-01T02:00:00Z",
        ["digestS3Bucket"] = Bucket,
        ["digestS3Object"] = Key,
        ["digestPublicKeyFingerprint"] = fingerprint,
        ["digestSignatureAlgorithm"] = "SHA256withRSA",
        ["newestEventTime"] = "2024-06-01T01:52:27Z",
        ["oldestEventTime"] = "2024-06-01T01:02:03Z",
        ["previousDigestS3Bucket"] = Bucket,
        ["previousDigestS3Object"] = PreviousKey,
        ["previousDigestHashValue"] = PreviousHash,
        ["previousDigestHashAlgorithm"] = "SHA-256",
        ["previousDigestSignature"] = PreviousSignature,
        ["logFiles"] = new JsonArray(
            LogFile(LogKey1, Hash1, "2024-06-01T01:04:00Z", "2024-06-01T01:02:03Z"),
            LogFile(LogKey2, Hash2, "2024-06-01T01:52:27Z", "2024-06-01T01:49:00Z")),
    };

    /// <summary>The first digest of a chain, for an hour without log files.</summary>
    public static JsonObject FirstAndEmpty(string fingerprint = Fingerprint)
    {
        var digest = Chained(fingerprint);
        foreach (var name in new[] { "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature" })
        {
            digest[name] = null;
        }

        digest["logFiles"] = new JsonArray();
        return digest;
    }

    public static JsonObject LogFile(string key, string hash, string newest, string oldest) => new()
    {
        ["s3Bucket"] = Bucket,
        ["s3Object"] = key,
        ["hashValue"] = hash,
        ["hashAlgorithm"] = "SHA-256",
        ["newestEventTime"] = newest,
        ["oldestEventTime"] = oldest,
    };

    public static byte[] Bytes(JsonNode digest) => Encoding.UTF8.GetBytes(digest.ToJsonString());

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
