using System.Text;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Integrity.Local;

namespace PinpointAggregator.Trail.Tests.Integrity;

/// <summary>The offline hash of a log: the digest's hashValue for a good file, the reader's error kinds for a bad one.</summary>
public sealed class LogContentHasherTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes(TrailJson.Document([TrailJson.PinpointRecord("e1"), TrailJson.PinpointRecord("e2")]));

    [Fact]
    public void GoodFile_HashesItsUncompressedContent()
    {
        var state = LogContentHasher.Hash(new MemoryStream(TrailJson.Gzip(Content)), 1 << 20);

        Assert.Equal(LogFileState.Hashed(DigestChainBuilder.Sha256(Content)), state);
    }

    [Fact]
    public void LargeFile_HashesAcrossChunks_AndAgreesWithTheReader()
    {
        var big = Encoding.UTF8.GetBytes(TrailJson.Document(Enumerable.Range(0, 3000).Select(i => TrailJson.PinpointRecord($"e{i}"))));
        var gzip = TrailJson.Gzip(big);

        var state = LogContentHasher.Hash(new MemoryStream(gzip), 1 << 24);

        Assert.True(big.Length > 3 * 128 * 1024);
        Assert.Equal(DigestChainBuilder.Sha256(big), state.Sha256);
        Assert.Equal(TrailFiles.Read(gzip, new Trail.Reading.TrailReaderOptions { ComputeSha256 = true }).UncompressedSha256, state.Sha256);
    }

    [Fact]
    public void MissingTrailer_IsUnhashable_TruncatedGzip()
    {
        var state = LogContentHasher.Hash(new MemoryStream(TrailJson.Gzip(Content)[..^8]), 1 << 20);

        Assert.Equal(LogFileStateKind.Unhashable, state.Kind);
        Assert.StartsWith("TruncatedGzip: ", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CutInTheMiddle_IsUnhashable()
    {
        var gzip = TrailJson.Gzip(Content);

        var state = LogContentHasher.Hash(new MemoryStream(gzip[..(gzip.Length / 2)]), 1 << 20);

        Assert.Equal(LogFileStateKind.Unhashable, state.Kind);
    }

    [Theory]
    [InlineData(new byte[0], "TruncatedGzip")]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, "CorruptGzip")]
    public void NotGzip_IsUnhashable(byte[] bytes, string kind)
    {
        var state = LogContentHasher.Hash(new MemoryStream(bytes), 1 << 20);

        Assert.StartsWith($"{kind}: ", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedCrc_IsUnhashable_CorruptGzip()
    {
        var gzip = TrailJson.Gzip(Content);
        gzip[^8] ^= 0xFF;

        Assert.StartsWith("CorruptGzip: ", LogContentHasher.Hash(new MemoryStream(gzip), 1 << 20).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LargerThanTheCap_IsUnhashable_WithoutDecompressingItAll()
    {
        var state = LogContentHasher.Hash(new MemoryStream(TrailJson.Gzip(new byte[1 << 20])), 64 * 1024);

        Assert.StartsWith("DecompressedSizeLimitExceeded: ", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatCannotBeOpened_IsUnhashable_SourceReadFailed()
    {
        var state = LogContentHasher.HashFile(Path.Combine(Path.GetTempPath(), "pa-nope-" + Guid.NewGuid().ToString("N")), 1 << 20);

        Assert.StartsWith("SourceReadFailed: ", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_StillHashes_ForTheDigestHashesBytes()
    {
        byte[] content = [(byte)'{', 0xFF, 0xFE, (byte)'}'];

        Assert.Equal(DigestChainBuilder.Sha256(content), LogContentHasher.Hash(new MemoryStream(TrailJson.Gzip(content)), 1 << 20).Sha256);
    }
}
