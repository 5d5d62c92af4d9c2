using System.Buffers.Binary;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// A read-through wrapper around the compressed source that remembers the last 8 bytes it passed on.
/// .NET's <see cref="System.IO.Compression.GZipStream"/> ends quietly when a file is cut short, even
/// when only the gzip trailer is missing, so the reader checks the trailer itself: CRC32 and length
/// (mod 2^32) of the decompressed data, little-endian, in the last 8 bytes of a single-member file.
/// </summary>
internal sealed class GzipTrailerStream(Stream source) : ReadOnlyForwardStream
{
    private const int TrailerLength = 8;

    /// <summary>A gzip member is at least a 10-byte header, an empty deflate block and the trailer.</summary>
    private const int MinimumGzipLength = 18;

    private readonly byte[] _tail = new byte[TrailerLength];
    private int _tailCount;

    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var n = source.Read(buffer);
        Remember(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Remember(buffer.Span[..n]);
        return n;
    }

    /// <summary>Reads whatever the decompressor left unread, so the true last 8 bytes are known.</summary>
    public void DrainToEnd()
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (Read(scratch) > 0)
        {
        }
    }

    /// <summary><see cref="DrainToEnd"/> without blocking a thread on the source.</summary>
    public async ValueTask DrainToEndAsync(CancellationToken cancellationToken)
    {
        var scratch = new byte[4096];
        while (await ReadAsync(scratch, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <summary>Checks the trailer against the decompressed data; throws a typed error when it does not match.</summary>
    public void VerifyTrailer(uint crc32, long decompressedLength)
    {
        if (BytesRead < MinimumGzipLength)
        {
            throw new TrailFormatException(TrailFileErrorKind.TruncatedGzip, $"the file has {BytesRead} bytes, fewer than the {MinimumGzipLength} of the smallest gzip file");
        }

        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(_tail);
        var storedLength = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4));
        var actualLength = unchecked((uint)decompressedLength);
        if (storedCrc == crc32 && storedLength == actualLength)
        {
            return;
        }

        // zlib verifies a trailer that is present; one that is missing or cut leaves deflate data here.
        throw new TrailFormatException(
            TrailFileErrorKind.TruncatedGzip,
            $"the gzip stream ends without a valid trailer (CRC32 and length) after {decompressedLength} decompressed bytes: the file is truncated");
    }

    private void Remember(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        if (data.Length >= TrailerLength)
        {
            data[^TrailerLength..].CopyTo(_tail);
            _tailCount = TrailerLength;
            return;
        }

        // Keep the last (8 - new) bytes seen so far, then append the new ones: the window always holds
        // the last min(BytesRead, 8) bytes, left-aligned.
        var keep = Math.Min(_tailCount, TrailerLength - data.Length);
        _tail.AsSpan(_tailCount - keep, keep).CopyTo(_tail);
        data.CopyTo(_tail.AsSpan(keep));
        _tailCount = keep + data.Length;
    }
}
