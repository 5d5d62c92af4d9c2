using System.Text;
using System.Text.Json.Nodes;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>A well-formed digest is read field by field, with the SHA-256 of its uncompressed content.</summary>
public sealed class DigestFileReaderTests
{
    [Fact]
    public void ChainedDigest_IsReadFieldByField()
    {
        var content = DigestJson.Bytes(DigestJson.Chained());

        var result = DigestFiles.Read(TrailJson.Gzip(content));

        Assert.True(result.Succeeded, result.Error?.ToString());
        var digest = result.Digest!;
        Assert.Equal("111122223333", digest.AwsAccountId);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 1, 0, 0, TimeSpan.Zero), digest.DigestStartTime);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 2, 0, 0, TimeSpan.Zero), digest.DigestEndTime);
        Assert.Equal((DigestJson.Bucket, DigestJson.Key), (digest.DigestS3Bucket, digest.DigestS3Object));
        Assert.Equal(DigestJson.Fingerprint, digest.DigestPublicKeyFingerprint);
        Assert.Equal("SHA256withRSA", digest.DigestSignatureAlgorithm);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 1, 52, 27, TimeSpan.Zero), digest.NewestEventTime);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 1, 2, 3, TimeSpan.Zero), digest.OldestEventTime);
        Assert.Equal((DigestJson.Bucket, DigestJson.PreviousKey), (digest.PreviousDigestS3Bucket, digest.PreviousDigestS3Object));
        Assert.Equal((DigestJson.PreviousHash, "SHA-256"), (digest.PreviousDigestHashValue, digest.PreviousDigestHashAlgorithm));
        Assert.Equal(DigestJson.PreviousSignature, digest.PreviousDigestSignature);
        Assert.False(digest.StartsChain);
        Assert.Equal(
            [
                new DigestLogFile(DigestJson.Bucket, DigestJson.LogKey1, DigestJson.Hash1, "SHA-256", new DateTimeOffset(2024, 6, 1, 1, 4, 0, TimeSpan.Zero), new DateTimeOffset(2024, 6, 1, 1, 2, 3, TimeSpan.Zero)),
                new DigestLogFile(DigestJson.Bucket, DigestJson.LogKey2, DigestJson.Hash2, "SHA-256", new DateTimeOffset(2024, 6, 1, 1, 52, 27, TimeSpan.Zero), new DateTimeOffset(2024, 6, 1, 1, 49, 0, TimeSpan.Zero)),
            ],
            digest.LogFiles);
        Assert.Equal(DigestJson.Sha256(content), result.UncompressedSha256);
        Assert.Equal(content.Length, result.DecompressedBytes);
    }

    [Fact]
    public void FirstDigestOfAnEmptyHour_HasNullLinksAndNoLogFiles()
    {
        var result = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(DigestJson.FirstAndEmpty())));

        Assert.True(result.Succeeded, result.Error?.ToString());
        var digest = result.Digest!;
        Assert.True(digest.StartsChain);
        Assert.Null(digest.PreviousDigestSignature);
        Assert.Null(digest.PreviousDigestHashValue);
        Assert.Null(digest.NewestEventTime);
        Assert.Empty(digest.LogFiles);
    }

    [Fact]
    public void NullableFields_MayBeAbsent()
    {
        var json = DigestJson.FirstAndEmpty();
        foreach (var name in new[] { "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature" })
        {
            json.Remove(name);
        }

        var result = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json)));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.True(result.Digest!.StartsChain);
    }

    [Fact]
    public void HexValues_AreLowerCased()
    {
        var json = DigestJson.Chained(DigestJson.Fingerprint.ToUpperInvariant());
        json["previousDigestSignature"] = DigestJson.PreviousSignature.ToUpperInvariant();
        json["logFiles"]![0]!["hashValue"] = DigestJson.Hash1.ToUpperInvariant();

        var digest = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json))).Digest!;

        Assert.Equal(DigestJson.Fingerprint, digest.DigestPublicKeyFingerprint);
        Assert.Equal(DigestJson.PreviousSignature, digest.PreviousDigestSignature);
        Assert.Equal(DigestJson.Hash1, digest.LogFiles[0].HashValue);
    }

    [Fact]
    public void UnknownFields_AreSkipped_SoAFieldCloudTrailAddsLaterRejectsNothing()
    {
        var json = DigestJson.Chained();
        json["futureField"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        json["logFiles"]![1]!["futureLogField"] = "x";

        var result = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json)));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(2, result.Digest!.LogFiles.Count);
    }

    [Fact]
    public async Task ReadAsync_GivesTheSameDigestAndHash()
    {
        var content = DigestJson.Bytes(DigestJson.Chained());
        var compressed = TrailJson.Gzip(content);

        var result = await new DigestFileReader().ReadAsync(new MemoryStream(compressed), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(DigestFiles.Read(compressed).Digest, result.Digest, DigestEquality.Instance);
        Assert.Equal(DigestJson.Sha256(content), result.UncompressedSha256);
        Assert.Equal(compressed.Length, result.CompressedBytes);
    }

    [Fact]
    public void LargeDigest_GrowsItsBuffer_AndHashesEveryByte()
    {
        // 2,000 log files: about 900 KB of JSON, many times the reader's first buffer.
        var json = DigestJson.Chained();
        var files = new JsonArray();
        for (var i = 0; i < 2_000; i++)
        {
            files.Add(DigestJson.LogFile(DigestJson.LogKey1.Replace("AbCdEf0123456789", $"Unique{i:D10}", StringComparison.Ordinal), DigestJson.Hash1, "2024-06-01T01:04:00Z", "2024-06-01T01:02:03Z"));
        }

        json["logFiles"] = files;
        var content = DigestJson.Bytes(json);

        var result = DigestFiles.Read(TrailJson.Gzip(content));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(2_000, result.Digest!.LogFiles.Count);
        Assert.Equal(DigestJson.Sha256(content), result.UncompressedSha256);
        Assert.Equal(Encoding.UTF8.GetString(content).Length, result.DecompressedBytes);
    }

    /// <summary>Records compare their lists by reference; this compares a digest by value.</summary>
    private sealed class DigestEquality : IEqualityComparer<DigestFile?>
    {
        public static readonly DigestEquality Instance = new();

        public bool Equals(DigestFile? x, DigestFile? y) =>
            x is not null && y is not null && x.LogFiles.SequenceEqual(y.LogFiles) && (x with { LogFiles = [] }) == (y with { LogFiles = [] });

        public int GetHashCode(DigestFile? obj) => 0;
    }
}
