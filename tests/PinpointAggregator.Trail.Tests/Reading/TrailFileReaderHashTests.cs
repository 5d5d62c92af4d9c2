using System.Security.Cryptography;
using System.Text;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests.Reading;

/// <summary>
/// The reader hashes the uncompressed content in its one pass: the hash is CloudTrail's (SHA-256 of the
/// decompressed bytes), and the source is read once, never again to hash.
/// </summary>
public sealed class TrailFileReaderHashTests
{
    private static readonly TrailFileReader<ProbeEvent> Reader = new(ProbeEvent.Mapper, new TrailReaderOptions { ComputeSha256 = true });

    [Fact]
    public void Hash_IsOffByDefault()
    {
        // It costs about a fifth of the reader's speed; only integrity validation asks for it.
        var result = new TrailFileReader<ProbeEvent>(ProbeEvent.Mapper).Read(new MemoryStream(TrailJson.Gzip(Encoding.UTF8.GetBytes(TrailJson.Document([TrailJson.PinpointRecord("p")])))));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Null(result.UncompressedSha256);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5_000)]
    public void Hash_IsTheSha256OfTheDecompressedFile(int records)
    {
        // 5,000 records are about 2 MB: many fills of the reader's buffer, so the hash spans chunk boundaries.
        var json = Encoding.UTF8.GetBytes(TrailJson.Document(Enumerable.Range(0, records).Select(i => i % 3 == 0 ? TrailJson.OtherRecord($"o{i}") : TrailJson.PinpointRecord($"p{i}"))));
        var compressed = TrailJson.Gzip(json);

        var result = Reader.Read(new MemoryStream(compressed));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(json)), result.UncompressedSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(DecompressIndependently(compressed))), result.UncompressedSha256);
    }

    [Fact]
    public void Hash_CoversEveryByte_WhitespaceAndMultiByteTextIncluded()
    {
        // Two files with the same records that differ only in layout hash differently, as CloudTrail's do.
        var compact = Encoding.UTF8.GetBytes(TrailJson.Document([TrailJson.PinpointRecord("p1", applicationId: "ápp-ü")]));
        var spaced = Encoding.UTF8.GetBytes("  " + TrailJson.Document([TrailJson.PinpointRecord("p1", applicationId: "ápp-ü")]) + "\n");

        var a = Read(TrailJson.Gzip(compact));
        var b = Read(TrailJson.Gzip(spaced));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(compact)), a.UncompressedSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(spaced)), b.UncompressedSha256);
        Assert.NotEqual(a.UncompressedSha256, b.UncompressedSha256);
    }

    [Fact]
    public void FileChangedByOneByte_HashesDifferently()
    {
        var json = Encoding.UTF8.GetBytes(TrailJson.Document(Enumerable.Range(0, 50).Select(i => TrailJson.PinpointRecord($"p{i}"))));
        var changed = (byte[])json.Clone();
        changed[Array.IndexOf(changed, (byte)'7')] = (byte)'8';

        Assert.NotEqual(Read(TrailJson.Gzip(json)).UncompressedSha256, Read(TrailJson.Gzip(changed)).UncompressedSha256);
    }

    [Fact]
    public void RejectedFile_HasNoHash()
    {
        var result = Read(TrailJson.Gzip(TrailJson.Document([TrailJson.PinpointRecord("p1")]))[..^8]);

        Assert.False(result.Succeeded);
        Assert.Null(result.UncompressedSha256);
    }

    [Fact]
    public void Source_IsReadOncePastEveryByte_HashingAddsNoSecondRead()
    {
        var json = Encoding.UTF8.GetBytes(TrailJson.Document(Enumerable.Range(0, 3_000).Select(i => TrailJson.PinpointRecord($"p{i}"))));
        var compressed = TrailJson.Gzip(json);
        var source = new ForwardOnlyCountingStream(compressed);

        var result = Reader.Read(source);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(compressed.Length, source.BytesServed);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(json)), result.UncompressedSha256);
    }

    private static byte[] DecompressIndependently(byte[] compressed)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A network-like source: no seeking, no rewinding, and a count of the bytes it handed out.</summary>
    private sealed class ForwardOnlyCountingStream(byte[] data) : Stream
    {
        public long BytesServed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesServed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, data.Length - BytesServed);
            data.AsSpan((int)BytesServed, n).CopyTo(buffer.AsSpan(offset));
            BytesServed += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static TrailReadResult<ProbeEvent> Read(byte[] file) => Reader.Read(new MemoryStream(file));
}
