namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>
/// A non-seekable body like a network response's: serves its bytes, counts what it served, and can fail
/// like a connection reset after <c>failAfter</c> bytes.
/// </summary>
/// <remarks>Not derived from MemoryStream: its span overloads call back into overrides and recurse.</remarks>
internal sealed class ScriptedStream(byte[] bytes, int failAfter = int.MaxValue) : Stream
{
    private bool _disposed;

    /// <summary>Bytes handed to the reader so far.</summary>
    public int Served { get; private set; }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Served;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Served >= failAfter)
        {
            throw new IOException("Connection reset by peer");
        }

        var n = Math.Min(count, Math.Min(failAfter, bytes.Length) - Served);
        Array.Copy(bytes, Served, buffer, offset, n);
        Served += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
