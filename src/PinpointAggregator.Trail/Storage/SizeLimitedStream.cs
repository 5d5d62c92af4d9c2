namespace PinpointAggregator.Trail.Storage;

/// <summary>
/// A read-only pass-through over an object being downloaded that stops at a byte limit: a read past it
/// throws an <see cref="IOException"/> and sets <see cref="LimitExceeded"/>. Disposing it disposes the source.
/// </summary>
/// <remarks>
/// The listed size is checked before a download; this guards the download itself, because an object can be
/// replaced between the listing and the GET and a store's word is not to be trusted. To the reader, stopping
/// looks like any I/O failure (which it retries); <see cref="LimitExceeded"/> tells the caller it was the
/// object's size, which no retry will change. It never asks its source for more than one byte past the limit,
/// so at most limit + 1 bytes are downloaded. It checks cancellation before each read because the reader's
/// synchronous pass has no token of its own.
/// </remarks>
public sealed class SizeLimitedStream : ReadOnlyForwardStream
{
    private readonly Stream _source;
    private readonly CancellationToken _cancellationToken;

    public SizeLimitedStream(Stream source, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        (_source, MaxBytes, _cancellationToken) = (source, maxBytes, cancellationToken);
    }

    public long MaxBytes { get; }

    /// <summary>Bytes passed on so far, plus the one that broke the limit when <see cref="LimitExceeded"/>.</summary>
    public long BytesRead { get; private set; }

    public bool LimitExceeded { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        return Count(LimitExceeded ? 0 : _source.Read(buffer[..Allowed(buffer.Length)]));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        return Count(LimitExceeded ? 0 : await _source.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Up to one byte past the limit: enough to tell "exactly at the limit" from "over it".</summary>
    private int Allowed(int requested) => (int)Math.Min(requested, MaxBytes - BytesRead + 1);

    private int Count(int read)
    {
        BytesRead += read;
        if (LimitExceeded || BytesRead > MaxBytes)
        {
            LimitExceeded = true;
            throw new IOException($"The object is larger than the {MaxBytes} bytes allowed; the download was stopped.");
        }

        return read;
    }
}
