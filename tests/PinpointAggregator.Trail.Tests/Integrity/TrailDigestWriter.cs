using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Testing;

/// <summary>
/// Writes CloudTrail digests for the logs of a local copy (the bucket layout under a folder), as CloudTrail would
/// have: per account and region one digest per hour from the first log's hour to the last one's (hours without
/// logs included), each listing the logs named in its hour with the SHA-256 of their uncompressed content, chained
/// and signed with the caller's RSA key. Logs that do not decompress are left unlisted. Shared by the Trail, Cli
/// tests and the benchmarks (linked).
/// </summary>
internal static class TrailDigestWriter
{
    public const string Bucket = "org-trail-bucket";
    public const string TrailName = "org-trail";
    public const string HomeRegion = "us-east-1";

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Writes the digests under <paramref name="root"/> for the logs <paramref name="include"/> accepts (default: all),
    /// as a backfill chain when <paramref name="backfill"/>; returns each digest's key and hex signature (its
    /// <c>x-amz-meta-signature</c>), in key order.
    /// </summary>
    public static IReadOnlyList<(string Key, string Signature)> Write(string root, RSA signer, Func<string, bool>? include = null, bool backfill = false)
    {
        var fingerprint = Convert.ToHexStringLower(MD5Of(signer.ExportRSAPublicKey()));
        var logs = Directory.EnumerateFiles(root, "*.json.gz", SearchOption.AllDirectories)
            .Select(path => (Path: path, Key: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Select(f => (f.Path, f.Key, Parsed: TrailKey.TryParse(f.Key, out var key, out _) ? key : null))
            .Where(f => f.Parsed is { Kind: TrailFileKind.Log } && (include is null || include(f.Key)))
            .ToList();
        var hashes = new string?[logs.Count];
        Parallel.For(0, logs.Count, i => hashes[i] = HashOrNull(logs[i].Path));

        var written = new List<(string, string)>();
        foreach (var prefix in logs.Select((l, i) => (Log: l, Hash: hashes[i])).GroupBy(l => (l.Log.Parsed!.Root, l.Log.Parsed.AccountId, l.Log.Parsed.Region)))
        {
            var byHour = prefix.Where(l => l.Hash is not null).ToLookup(l => HourOf(l.Log.Parsed!.Timestamp));
            var first = prefix.Min(l => HourOf(l.Log.Parsed!.Timestamp));
            var last = prefix.Max(l => HourOf(l.Log.Parsed!.Timestamp));
            (string Key, string Sha256, string Signature)? previous = null;
            for (var start = first; start <= last; start += Hour)
            {
                var listed = byHour[start].OrderBy(l => l.Log.Key, StringComparer.Ordinal).Select(l => (l.Log.Key, l.Hash!, l.Log.Parsed!.Timestamp)).ToList();
                var key = new TrailKey
                {
                    Root = prefix.Key.Root, Kind = TrailFileKind.Digest, AccountId = prefix.Key.AccountId, Region = prefix.Key.Region,
                    Day = DateOnly.FromDateTime((start + Hour).UtcDateTime), Timestamp = start + Hour, TrailName = TrailName, HomeRegion = HomeRegion, IsBackfill = backfill,
                }.Format();
                var json = DigestJson(prefix.Key.AccountId, start, key, fingerprint, listed, previous);
                var sha256 = Convert.ToHexStringLower(SHA256.HashData(json));
                var signingString = DigestSigningString.Build(start + Hour, Bucket, key, sha256, previous?.Signature);
                var signature = Convert.ToHexStringLower(signer.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
                var path = Path.Combine(root, key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, Gzip(json));
                written.Add((key, signature));
                previous = (key, sha256, signature);
            }
        }

        return [.. written.OrderBy(w => w.Item1, StringComparer.Ordinal)];
    }

    /// <summary>The signature map file <c>verify --signatures</c> reads: digest key → signature.</summary>
    public static void WriteSignatureMap(string path, IEnumerable<(string Key, string Signature)> signatures) =>
        File.WriteAllText(path, JsonSerializer.Serialize(signatures.ToDictionary(s => s.Key, s => s.Signature, StringComparer.Ordinal)));

    /// <summary>SHA-256 of the uncompressed content, or null when the file does not decompress.</summary>
    public static string? HashOrNull(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return Convert.ToHexStringLower(SHA256.HashData(gzip));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static byte[] DigestJson(string account, DateTimeOffset start, string key, string fingerprint, List<(string Key, string Hash, DateTimeOffset Time)> logs, (string Key, string Sha256, string Signature)? previous)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("awsAccountId", account);
            json.WriteString("digestStartTime", Time(start));
            json.WriteString("digestEndTime", Time(start + Hour));
            json.WriteString("digestS3Bucket", Bucket);
            json.WriteString("digestS3Object", key);
            json.WriteString("digestPublicKeyFingerprint", fingerprint);
            json.WriteString("digestSignatureAlgorithm", "SHA256withRSA");
            WriteOrNull(json, "newestEventTime", logs.Count == 0 ? null : Time(logs.Max(l => l.Time)));
            WriteOrNull(json, "oldestEventTime", logs.Count == 0 ? null : Time(logs.Min(l => l.Time)));
            WriteOrNull(json, "previousDigestS3Bucket", previous is null ? null : Bucket);
            WriteOrNull(json, "previousDigestS3Object", previous?.Key);
            WriteOrNull(json, "previousDigestHashValue", previous?.Sha256);
            WriteOrNull(json, "previousDigestHashAlgorithm", previous is null ? null : "SHA-256");
            WriteOrNull(json, "previousDigestSignature", previous?.Signature);
            json.WriteStartArray("logFiles");
            foreach (var log in logs)
            {
                json.WriteStartObject();
                json.WriteString("s3Bucket", Bucket);
                json.WriteString("s3Object", log.Key);
                json.WriteString("hashValue", log.Hash);
                json.WriteString("hashAlgorithm", "SHA-256");
                json.WriteString("newestEventTime", Time(log.Time));
                json.WriteString("oldestEventTime", Time(log.Time));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

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

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static DateTimeOffset HourOf(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

#pragma warning disable CA5351 // CloudTrail's key fingerprint is an MD5
    private static byte[] MD5Of(byte[] der) => MD5.HashData(der);
#pragma warning restore CA5351
}
