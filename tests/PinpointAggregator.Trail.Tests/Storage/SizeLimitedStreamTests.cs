using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Trail.Tests.Storage;

public sealed class SizeLimitedStreamTests
{
    [Fact]
    public void SourceExactlyAtTheLimit_IsReadToItsEnd()
    {
        using var guarded = new SizeLimitedStream(new MemoryStream(new byte[100]), 100);

        Assert.Equal(100, ReadAll(guarded));
        Assert.False(guarded.LimitExceeded);
    }

    [Fact]
    public void SourceOneByteOver_StopsWithAnIOException_AndSaysWhy()
    {
        var source = new MemoryStream(new byte[10_000]);
        using var guarded = new SizeLimitedStream(source, 100);

        var error = Assert.Throws<IOException>(() => ReadAll(guarded));

        Assert.True(guarded.LimitExceeded);
        Assert.Contains("100 bytes", error.Message, StringComparison.Ordinal);

        // It asked the source for one byte past the limit, never a whole buffer more.
        Assert.Equal(101, source.Position);
        Assert.Throws<IOException>(() => guarded.ReadByte());
    }

    [Fact]
    public async Task ReadAsync_IsGuardedToo()
    {
        var source = new MemoryStream(new byte[10_000]);
        await using var guarded = new SizeLimitedStream(source, 100);

        await Assert.ThrowsAsync<IOException>(() => guarded.CopyToAsync(Stream.Null));

        Assert.Equal((true, 101L), (guarded.LimitExceeded, source.Position));
    }

    [Fact]
    public void Cancellation_StopsTheNextRead()
    {
        using var cancel = new CancellationTokenSource();
        using var guarded = new SizeLimitedStream(new MemoryStream(new byte[100]), 100, cancel.Token);
        guarded.ReadByte();

        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => guarded.ReadByte());
    }

    [Fact]
    public void Dispose_DisposesTheSource()
    {
        var source = new MemoryStream(new byte[10]);

        new SizeLimitedStream(source, 100).Dispose();

        Assert.False(source.CanRead);
    }

    private static int ReadAll(Stream stream)
    {
        var buffer = new byte[64];
        int n, total = 0;
        while ((n = stream.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }
}
