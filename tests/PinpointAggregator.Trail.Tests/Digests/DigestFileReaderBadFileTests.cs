using System.Text;
using System.Text.Json.Nodes;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>Every bad digest gives a typed error (the log files' kinds, plus InvalidDigest) and no digest; nothing throws.</summary>
public sealed class DigestFileReaderBadFileTests
{
    private static readonly byte[] Good = DigestJson.Bytes(DigestJson.Chained());

    [Fact]
    public void TruncatedGzip_IsRejected() => AssertRejected(DigestFiles.Read(TrailJson.Gzip(Good)[..^20]), TrailFileErrorKind.TruncatedGzip);

    [Fact]
    public void MissingOnlyTheGzipTrailer_IsTruncatedGzip() => AssertRejected(DigestFiles.Read(TrailJson.Gzip(Good)[..^8]), TrailFileErrorKind.TruncatedGzip);

    [Fact]
    public void WrongCrc32_IsCorruptGzip()
    {
        var gz = TrailJson.Gzip(Good);
        gz[^8] ^= 0xFF;

        AssertRejected(DigestFiles.Read(gz), TrailFileErrorKind.CorruptGzip);
    }

    [Fact]
    public void NotGzip_IsCorruptGzip() => AssertRejected(DigestFiles.Read(Good), TrailFileErrorKind.CorruptGzip);

    [Fact]
    public void EmptyFile_IsTruncatedGzip() => AssertRejected(DigestFiles.Read([]), TrailFileErrorKind.TruncatedGzip);

    [Fact]
    public void InvalidUtf8_IsRejected()
    {
        var bytes = (byte[])Good.Clone();
        bytes[Array.IndexOf(bytes, (byte)'o', 40)] = 0xFF;

        AssertRejected(DigestFiles.Read(TrailJson.Gzip(bytes)), TrailFileErrorKind.InvalidUtf8);
    }

    [Theory]
    [InlineData("{\"awsAccountId\":")]
    [InlineData("{\"awsAccountId\" \"111122223333\"}")]
    [InlineData("not json")]
    public void MalformedJson_IsInvalidJson(string json) => AssertRejected(DigestFiles.ReadJson(json), TrailFileErrorKind.InvalidJson);

    [Fact]
    public void TruncatedJson_InValidGzip_IsInvalidJson() => AssertRejected(DigestFiles.Read(TrailJson.Gzip(Good[..(Good.Length / 2)])), TrailFileErrorKind.InvalidJson);

    [Fact]
    public void TrailingGarbage_IsInvalidJson() => AssertRejected(DigestFiles.ReadJson(Encoding.UTF8.GetString(Good) + "{}"), TrailFileErrorKind.InvalidJson);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"digest\"")]
    public void TopLevelThatIsNotAnObject_IsInvalidDigest(string json) => AssertInvalidDigest(DigestFiles.ReadJson(json), "not a digest object");

    [Theory]
    [InlineData("awsAccountId")]
    [InlineData("digestStartTime")]
    [InlineData("digestEndTime")]
    [InlineData("digestS3Bucket")]
    [InlineData("digestS3Object")]
    [InlineData("digestPublicKeyFingerprint")]
    [InlineData("digestSignatureAlgorithm")]
    [InlineData("logFiles")]
    public void RequiredField_Missing_IsInvalidDigest(string name)
    {
        var json = DigestJson.Chained();
        json.Remove(name);

        AssertInvalidDigest(Read(json), name);
    }

    [Theory]
    [InlineData("awsAccountId")]
    [InlineData("digestEndTime")]
    [InlineData("digestS3Object")]
    [InlineData("digestPublicKeyFingerprint")]
    [InlineData("logFiles")]
    public void RequiredField_Null_IsInvalidDigest(string name)
    {
        var json = DigestJson.Chained();
        json[name] = null;

        AssertInvalidDigest(Read(json), name);
    }

    [Theory]
    [InlineData("s3Bucket")]
    [InlineData("s3Object")]
    [InlineData("hashValue")]
    [InlineData("hashAlgorithm")]
    [InlineData("newestEventTime")]
    [InlineData("oldestEventTime")]
    public void LogFileField_MissingOrNull_IsInvalidDigest(string name)
    {
        var missing = DigestJson.Chained();
        missing["logFiles"]![1]!.AsObject().Remove(name);
        var isNull = DigestJson.Chained();
        isNull["logFiles"]![1]![name] = null;

        AssertInvalidDigest(Read(missing), $"logFiles[1].{name}");
        AssertInvalidDigest(Read(isNull), $"logFiles[1].{name}");
    }

    public static TheoryData<string, JsonNode?, string> WrongValues => new()
    {
        { "awsAccountId", "11112222333", "12-digit account id" },
        { "awsAccountId", 111122223333, "not a string" },
        { "digestEndTime", "2024-06-01 02:00:00", "YYYY-MM-DDTHH:MM:SSZ" },
        { "digestEndTime", "2024-06-01T02:00:00+01:00", "YYYY-MM-DDTHH:MM:SSZ" },
        { "digestEndTime", "2024-06-01T00:59:59Z", "before digestStartTime" },
        { "digestStartTime", "2024-06-31T01:00:00Z", "YYYY-MM-DDTHH:MM:SSZ" },
        { "digestS3Bucket", "", "1 to 255 characters" },
        { "digestS3Object", new string('k', 1025), "1 to 1024 characters" },
        { "digestPublicKeyFingerprint", "31e8b5433410dfb61a9dc45cc65b22f", "32 hex digits" },
        { "digestPublicKeyFingerprint", "31e8b5433410dfb61a9dc45cc65b22fg", "32 hex digits" },
        { "digestSignatureAlgorithm", new JsonObject(), "not a string" },
        { "previousDigestHashValue", "abc", "even number of hex digits" },
        { "previousDigestSignature", "zz", "even number of hex digits" },
        { "previousDigestSignature", null, "all null" },
        { "previousDigestS3Object", null, "all null" },
        { "newestEventTime", null, "both be present" },
        { "logFiles", new JsonObject(), "not an array" },
        { "logFiles", new JsonArray(42), "logFiles[0] is a Number" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void FieldWithAWrongValue_IsInvalidDigest(string name, JsonNode? value, string why)
    {
        var json = DigestJson.Chained();
        json[name] = value?.DeepClone();

        AssertInvalidDigest(Read(json), why);
    }

    [Fact]
    public void EventTimes_WithoutLogFiles_MayNotBeHalfPresent()
    {
        var json = DigestJson.FirstAndEmpty();
        json["oldestEventTime"] = "2024-06-01T01:02:03Z";

        AssertInvalidDigest(Read(json), "both or neither");
    }

    [Fact]
    public void LogFileHash_ThatIsNotHex_IsInvalidDigest()
    {
        var json = DigestJson.Chained();
        json["logFiles"]![0]!["hashValue"] = new string('x', 64);

        AssertInvalidDigest(Read(json), "logFiles[0].hashValue");
    }

    [Fact]
    public void DuplicateField_IsInvalidDigest_SoNoReaderSeesADifferentValue()
    {
        var json = Encoding.UTF8.GetString(Good).Replace("\"awsAccountId\":\"111122223333\"", "\"awsAccountId\":\"111122223333\",\"awsAccountId\":\"444455556666\"", StringComparison.Ordinal);

        AssertInvalidDigest(DigestFiles.ReadJson(json), "'awsAccountId' appears twice");
    }

    [Fact]
    public void DuplicateLogFileField_IsInvalidDigest()
    {
        var json = Encoding.UTF8.GetString(Good).Replace($"\"hashValue\":\"{DigestJson.Hash2}\"", $"\"hashValue\":\"{DigestJson.Hash2}\",\"hashValue\":\"{DigestJson.Hash1}\"", StringComparison.Ordinal);

        AssertInvalidDigest(DigestFiles.ReadJson(json), "'logFiles[1].hashValue' appears twice");
    }

    [Fact]
    public void MoreLogFilesThanTheCap_IsInvalidDigest()
    {
        var result = DigestFiles.Read(TrailJson.Gzip(Good), new DigestReaderOptions { MaxLogFiles = 1 });

        AssertInvalidDigest(result, "more than 1 files");
    }

    [Fact]
    public void DecompressionBomb_IsStoppedAtTheCap()
    {
        // A digest padded with an unknown field of 8 MB of one letter: tiny compressed, over a 1 MiB cap.
        var json = DigestJson.Chained();
        json["padding"] = new string('a', 8 * 1024 * 1024);
        var bomb = TrailJson.Gzip(DigestJson.Bytes(json));
        var options = new DigestReaderOptions { MaxDecompressedBytes = 1024 * 1024 };

        var result = DigestFiles.Read(bomb, options);

        AssertRejected(result, TrailFileErrorKind.DecompressedSizeLimitExceeded);
        Assert.True(bomb.Length < 128 * 1024, $"the bomb is {bomb.Length} bytes compressed");
        Assert.Equal(options.MaxDecompressedBytes + 1, result.DecompressedBytes);
    }

    [Fact]
    public void DeeplyNestedUnknownField_IsInvalidJson_NotAStackOverflow()
    {
        var json = Encoding.UTF8.GetString(Good)[..^1] + ",\"deep\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        AssertRejected(DigestFiles.ReadJson(json), TrailFileErrorKind.InvalidJson);
    }

    [Fact]
    public void SourceThatFails_IsATransientError()
    {
        var result = new DigestFileReader().Read(new FailingStream());

        AssertRejected(result, TrailFileErrorKind.SourceReadFailed);
        Assert.True(result.Error!.IsTransient);
    }

    [Fact]
    public void MissingFile_IsATransientError()
    {
        var result = new DigestFileReader().ReadFile(Path.Combine(Path.GetTempPath(), $"no-such-digest-{Guid.NewGuid():N}.json.gz"));

        AssertRejected(result, TrailFileErrorKind.SourceReadFailed);
    }

    private static DigestReadResult Read(JsonNode json) => DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json)));

    private static void AssertInvalidDigest(DigestReadResult result, string why)
    {
        AssertRejected(result, TrailFileErrorKind.InvalidDigest);
        Assert.Contains(why, result.Error!.Message, StringComparison.Ordinal);
    }

    private static void AssertRejected(DigestReadResult result, TrailFileErrorKind kind)
    {
        Assert.False(result.Succeeded, "the digest was accepted");
        Assert.True(kind == result.Error!.Kind, $"expected {kind}, got {result.Error}");
        Assert.Null(result.Digest);
        Assert.Null(result.UncompressedSha256);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    /// <summary>Fails at once, like a reset connection.</summary>
    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset by peer");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
