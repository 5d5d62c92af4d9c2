using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests.Reading;

/// <summary>The asynchronous read is the same pass as the synchronous one, and never blocks on its source.</summary>
public sealed class TrailFileReaderAsyncTests
{
    private static readonly TrailFileReader<ProbeEvent> Reader = new(ProbeEvent.Mapper, new TrailReaderOptions { ComputeSha256 = true });

    public static TheoryData<string, byte[]> Files => new()
    {
        { "good", TrailJson.Gzip(TrailJson.Document([TrailJson.PinpointRecord("p1"), TrailJson.OtherRecord("o1"), TrailJson.PinpointRecord("p2")])) },
        { "truncated", TrailJson.Gzip(TrailJson.Document([TrailJson.PinpointRecord("p1")]))[..^4] },
        { "not json", TrailJson.Gzip("{\"Records\":[{]}") },
        { "no records", TrailJson.Gzip("{}") },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_GivesWhatReadGives(string name, byte[] file)
    {
        var expected = Reader.Read(new MemoryStream(file));

        var actual = await Reader.ReadAsync(new AsyncOnlyStream(file), CancellationToken.None);

        Assert.True(expected.Events.SequenceEqual(actual.Events), name);
        Assert.Equal((expected.Error?.Kind, expected.RecordsRead, expected.CompressedBytes, expected.DecompressedBytes, expected.UncompressedSha256), (actual.Error?.Kind, actual.RecordsRead, actual.CompressedBytes, actual.DecompressedBytes, actual.UncompressedSha256));
    }

    /// <summary>A source whose synchronous reads fail: the asynchronous path must never use them.</summary>
    private sealed class AsyncOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("a synchronous read of a network source");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return _inner.Read(buffer.Span);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
