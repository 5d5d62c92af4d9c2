using Amazon.Runtime;
using Amazon.S3.Model;
using PinpointAggregator.Aws.S3;

namespace PinpointAggregator.Aws.Tests.S3;

public sealed class S3ObjectStreamTests
{
    [Fact]
    public void Reads_PassStraightThroughToTheResponseBody()
    {
        using var stream = new S3ObjectStream(new GetObjectResponse { ResponseStream = new MemoryStream([1, 2, 3]) }, "s3://b/k");
        var buffer = new byte[8];

        Assert.Equal(3, stream.Read(buffer));
        Assert.Equal([1, 2, 3], buffer[..3]);
        Assert.False(stream.CanSeek);
    }

    [Fact]
    public void Dispose_DisposesTheResponseAndItsBody()
    {
        var body = new MemoryStream([1, 2, 3]);

        new S3ObjectStream(new GetObjectResponse { ResponseStream = body }, "s3://b/k").Dispose();

        Assert.False(body.CanRead);
    }

    [Fact]
    public async Task AnyFailureWhileReading_IsAnIOException_SoTheFileIsReadAgainNotJudged()
    {
        using var stream = new S3ObjectStream(new GetObjectResponse { ResponseStream = new ThrowingStream() }, "s3://b/k");

        var sync = Assert.Throws<IOException>(() => stream.ReadByte());
        var async = await Assert.ThrowsAsync<IOException>(() => stream.ReadAsync(new byte[4]).AsTask());

        Assert.Contains("s3://b/k", sync.Message, StringComparison.Ordinal);
        Assert.IsType<AmazonClientException>(async.InnerException);
    }

    /// <summary>A body whose reads fail the way the SDK can (a client-side check), not as I/O.</summary>
    private sealed class ThrowingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new AmazonClientException("Expected hash not equal to calculated hash");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new AmazonClientException("Expected hash not equal to calculated hash");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
