using System.Globalization;
using System.Text.Json;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// Parses the decompressed JSON of one digest strictly: every documented field with its type and shape, no
/// duplicates, no contradictions. Unknown fields are skipped so that a field CloudTrail adds later does not
/// reject every digest. Throws <see cref="TrailFormatException"/> (<see cref="TrailFileErrorKind.InvalidDigest"/>)
/// or <see cref="JsonException"/>; <see cref="DigestFileReader"/> turns both into typed errors.
/// </summary>
internal static class DigestJsonParser
{
    /// <summary>The time format of every digest timestamp, and of the signing string's first line.</summary>
    internal const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // Bounds on what a member account can make us hold; far above what CloudTrail writes.
    private const int MaxBucketLength = 255;
    private const int MaxKeyLength = 1024;
    private const int MaxAlgorithmLength = 64;
    private const int MaxHashHexLength = 128;
    private const int MaxSignatureHexLength = 4096;
    private const int FingerprintHexLength = 32;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    public static DigestFile Parse(ReadOnlySpan<byte> json, int maxLogFiles)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid($"the top level is a {reader.TokenType}, not a digest object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? account = null, bucket = null, key = null, fingerprint = null, algorithm = null;
        string? previousBucket = null, previousKey = null, previousHash = null, previousHashAlgorithm = null, previousSignature = null;
        DateTimeOffset? start = null, end = null, newest = null, oldest = null;
        List<DigestLogFile>? logFiles = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!IsKnown(name))
            {
                reader.Skip();
                continue;
            }

            if (!seen.Add(name))
            {
                throw Invalid($"'{name}' appears twice");
            }

            switch (name)
            {
                case "awsAccountId":
                    account = Required(ref reader, name, 12);
                    if (!TrailNames.IsAccountId(account))
                    {
                        throw Invalid("awsAccountId is not a 12-digit account id");
                    }

                    break;
                case "digestStartTime": start = Time(ref reader, name, nullable: false); break;
                case "digestEndTime": end = Time(ref reader, name, nullable: false); break;
                case "digestS3Bucket": bucket = Required(ref reader, name, MaxBucketLength); break;
                case "digestS3Object": key = Required(ref reader, name, MaxKeyLength); break;
                case "digestPublicKeyFingerprint": fingerprint = Hex(ref reader, name, FingerprintHexLength, exactLength: true, nullable: false); break;
                case "digestSignatureAlgorithm": algorithm = Required(ref reader, name, MaxAlgorithmLength); break;
                case "newestEventTime": newest = Time(ref reader, name, nullable: true); break;
                case "oldestEventTime": oldest = Time(ref reader, name, nullable: true); break;
                case "previousDigestS3Bucket": previousBucket = Text(ref reader, name, MaxBucketLength, nullable: true); break;
                case "previousDigestS3Object": previousKey = Text(ref reader, name, MaxKeyLength, nullable: true); break;
                case "previousDigestHashValue": previousHash = Hex(ref reader, name, MaxHashHexLength, exactLength: false, nullable: true); break;
                case "previousDigestHashAlgorithm": previousHashAlgorithm = Text(ref reader, name, MaxAlgorithmLength, nullable: true); break;
                case "previousDigestSignature": previousSignature = Hex(ref reader, name, MaxSignatureHexLength, exactLength: false, nullable: true); break;
                default: logFiles = LogFiles(ref reader, maxLogFiles); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw Invalid("the digest object does not close");
        }

        // Only whitespace may follow the object; the reader throws on anything else.
        reader.Read();

        var digest = new DigestFile
        {
            AwsAccountId = account ?? throw Missing("awsAccountId"),
            DigestStartTime = start ?? throw Missing("digestStartTime"),
            DigestEndTime = end ?? throw Missing("digestEndTime"),
            DigestS3Bucket = bucket ?? throw Missing("digestS3Bucket"),
            DigestS3Object = key ?? throw Missing("digestS3Object"),
            DigestPublicKeyFingerprint = fingerprint ?? throw Missing("digestPublicKeyFingerprint"),
            DigestSignatureAlgorithm = algorithm ?? throw Missing("digestSignatureAlgorithm"),
            NewestEventTime = newest,
            OldestEventTime = oldest,
            PreviousDigestS3Bucket = previousBucket,
            PreviousDigestS3Object = previousKey,
            PreviousDigestHashValue = previousHash,
            PreviousDigestHashAlgorithm = previousHashAlgorithm,
            PreviousDigestSignature = previousSignature,
            LogFiles = logFiles ?? throw Missing("logFiles"),
        };
        CheckConsistent(digest);
        return digest;
    }

    private static void CheckConsistent(DigestFile digest)
    {
        if (digest.DigestEndTime < digest.DigestStartTime)
        {
            throw Invalid("digestEndTime is before digestStartTime");
        }

        // A chain link is all or nothing: half a link could neither be followed nor be a chain's start.
        var previous = new[] { digest.PreviousDigestS3Bucket, digest.PreviousDigestS3Object, digest.PreviousDigestHashValue, digest.PreviousDigestHashAlgorithm, digest.PreviousDigestSignature };
        if (previous.Any(v => v is null) && previous.Any(v => v is not null))
        {
            throw Invalid("the previousDigest* fields must be all null (the first digest of a chain) or all present");
        }

        if ((digest.NewestEventTime is null) != (digest.OldestEventTime is null) || (digest.NewestEventTime is null && digest.LogFiles.Count > 0))
        {
            throw Invalid("newestEventTime and oldestEventTime must both be present when log files are listed, and both or neither otherwise");
        }
    }

    private static List<DigestLogFile> LogFiles(ref Utf8JsonReader reader, int maxLogFiles)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid($"logFiles is a {reader.TokenType}, not an array");
        }

        var files = new List<DigestLogFile>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (files.Count == maxLogFiles)
            {
                throw Invalid($"logFiles lists more than {maxLogFiles} files (the configured cap)");
            }

            files.Add(LogFile(ref reader, files.Count));
        }

        return files;
    }

    private static DigestLogFile LogFile(ref Utf8JsonReader reader, int index)
    {
        var at = $"logFiles[{index}]";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid($"{at} is a {reader.TokenType}, not an object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? bucket = null, key = null, hash = null, algorithm = null;
        DateTimeOffset? newest = null, oldest = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var field = $"{at}.{name}";
            if (name is not ("s3Bucket" or "s3Object" or "hashValue" or "hashAlgorithm" or "newestEventTime" or "oldestEventTime"))
            {
                reader.Skip();
                continue;
            }

            if (!seen.Add(name))
            {
                throw Invalid($"'{field}' appears twice");
            }

            switch (name)
            {
                case "s3Bucket": bucket = Required(ref reader, field, MaxBucketLength); break;
                case "s3Object": key = Required(ref reader, field, MaxKeyLength); break;
                case "hashValue": hash = Hex(ref reader, field, MaxHashHexLength, exactLength: false, nullable: false); break;
                case "hashAlgorithm": algorithm = Required(ref reader, field, MaxAlgorithmLength); break;
                case "newestEventTime": newest = Time(ref reader, field, nullable: false); break;
                default: oldest = Time(ref reader, field, nullable: false); break;
            }
        }

        return new DigestLogFile(
            bucket ?? throw Missing($"{at}.s3Bucket"),
            key ?? throw Missing($"{at}.s3Object"),
            hash ?? throw Missing($"{at}.hashValue"),
            algorithm ?? throw Missing($"{at}.hashAlgorithm"),
            newest ?? throw Missing($"{at}.newestEventTime"),
            oldest ?? throw Missing($"{at}.oldestEventTime"));
    }

    private static bool IsKnown(string name) => name is "awsAccountId" or "digestStartTime" or "digestEndTime" or "digestS3Bucket" or "digestS3Object"
        or "digestPublicKeyFingerprint" or "digestSignatureAlgorithm" or "newestEventTime" or "oldestEventTime" or "previousDigestS3Bucket"
        or "previousDigestS3Object" or "previousDigestHashValue" or "previousDigestHashAlgorithm" or "previousDigestSignature" or "logFiles";

    private static string Required(ref Utf8JsonReader reader, string name, int maxLength) => Text(ref reader, name, maxLength, nullable: false)!;

    private static string? Text(ref Utf8JsonReader reader, string name, int maxLength, bool nullable)
    {
        if (reader.TokenType == JsonTokenType.Null && nullable)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Invalid($"{name} is a {reader.TokenType}, not a string");
        }

        // Raw length bounds the decoded length from above; both are checked, the first before any allocation.
        if (reader.ValueSpan.Length > maxLength * 6)
        {
            throw Invalid($"{name} is longer than {maxLength} characters");
        }

        var value = reader.GetString()!;
        if (value.Length == 0 || value.Length > maxLength)
        {
            throw Invalid($"{name} must have 1 to {maxLength} characters (has {value.Length})");
        }

        return value;
    }

    private static string? Hex(ref Utf8JsonReader reader, string name, int maxLength, bool exactLength, bool nullable)
    {
        var value = Text(ref reader, name, maxLength, nullable);
        if (value is null)
        {
            return null;
        }

        if ((exactLength && value.Length != maxLength) || value.Length % 2 != 0 || !value.All(char.IsAsciiHexDigit))
        {
            throw Invalid(exactLength ? $"{name} is not {maxLength} hex digits" : $"{name} is not an even number of hex digits");
        }

        return value.ToLowerInvariant();
    }

    private static DateTimeOffset? Time(ref Utf8JsonReader reader, string name, bool nullable)
    {
        // A generous length bound, so that a wrong time is reported as the wrong form it is.
        var value = Text(ref reader, name, MaxAlgorithmLength, nullable);
        if (value is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw Invalid($"{name} is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ");
        }

        return time;
    }

    private static TrailFormatException Missing(string name) => Invalid($"the required field {name} is missing or null");

    private static TrailFormatException Invalid(string message) => new(TrailFileErrorKind.InvalidDigest, message);
}
