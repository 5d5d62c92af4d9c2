using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace PinpointAggregator.SampleData.Digests;

/// <summary>
/// Serializes a digest as CloudTrail does: compact UTF-8 JSON, the fields in the User Guide's order, times as
/// <c>YYYY-MM-DDTHH:MM:SSZ</c>, hashes <c>SHA-256</c>, the algorithm <c>SHA256withRSA</c>, and the five
/// <c>previousDigest*</c> fields null for a chain's first digest.
/// </summary>
internal static class DigestDocument
{
    public const string HashAlgorithm = "SHA-256";
    public const string SignatureAlgorithm = "SHA256withRSA";

    public static byte[] Write(DigestContent digest)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 + (digest.Logs.Count * 400));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("awsAccountId", digest.AccountId);
            json.WriteString("digestStartTime", Time(digest.Start));
            json.WriteString("digestEndTime", Time(digest.End));
            json.WriteString("digestS3Bucket", digest.Bucket);
            json.WriteString("digestS3Object", digest.Key);
            json.WriteString("digestPublicKeyFingerprint", digest.Fingerprint);
            json.WriteString("digestSignatureAlgorithm", SignatureAlgorithm);
            WriteTimeOrNull(json, "newestEventTime", digest.NewestEventTime);
            WriteTimeOrNull(json, "oldestEventTime", digest.OldestEventTime);
            WriteOrNull(json, "previousDigestS3Bucket", digest.Previous is null ? null : digest.Bucket);
            WriteOrNull(json, "previousDigestS3Object", digest.Previous?.Key);
            WriteOrNull(json, "previousDigestHashValue", digest.Previous?.Sha256);
            WriteOrNull(json, "previousDigestHashAlgorithm", digest.Previous is null ? null : HashAlgorithm);
            WriteOrNull(json, "previousDigestSignature", digest.Previous?.Signature);
            json.WriteStartArray("logFiles");
            foreach (var log in digest.Logs)
            {
                json.WriteStartObject();
                json.WriteString("s3Bucket", digest.Bucket);
                json.WriteString("s3Object", log.Key);
                json.WriteString("hashValue", log.Sha256);
                json.WriteString("hashAlgorithm", HashAlgorithm);
                json.WriteString("newestEventTime", Time(log.NewestEventTime));
                json.WriteString("oldestEventTime", Time(log.OldestEventTime));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteTimeOrNull(Utf8JsonWriter json, string name, DateTimeOffset? time) => WriteOrNull(json, name, time is { } t ? Time(t) : null);

    private static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
