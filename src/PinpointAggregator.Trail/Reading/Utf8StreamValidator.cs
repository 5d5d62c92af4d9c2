using System.Text.Unicode;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Validates UTF-8 across chunk boundaries. <see cref="System.Text.Json.Utf8JsonReader"/> does not
/// validate the bytes inside strings, so the reader checks the whole decompressed stream with the
/// vectorized <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>, carrying a sequence cut by a chunk boundary.
/// </summary>
internal struct Utf8StreamValidator
{
    private uint _pending;      // up to 3 bytes of an incomplete sequence, little-endian
    private int _pendingCount;

    /// <summary>False when the chunk (with what was carried) contains invalid UTF-8.</summary>
    public bool Append(ReadOnlySpan<byte> chunk)
    {
        if (_pendingCount > 0)
        {
            Span<byte> sequence = stackalloc byte[4];
            var need = SequenceLength((byte)_pending) - _pendingCount;
            var take = Math.Min(need, chunk.Length);
            for (var i = 0; i < _pendingCount; i++)
            {
                sequence[i] = (byte)(_pending >> (8 * i));
            }

            chunk[..take].CopyTo(sequence[_pendingCount..]);
            if (take < need)
            {
                Carry(sequence[..(_pendingCount + take)]);
                return true;
            }

            var length = _pendingCount + take;
            _pendingCount = 0;
            if (!Utf8.IsValid(sequence[..length]))
            {
                return false;
            }

            chunk = chunk[take..];
        }

        var split = IncompleteTailStart(chunk);
        Carry(chunk[split..]);
        return Utf8.IsValid(chunk[..split]);
    }

    /// <summary>False when the stream ended inside a multi-byte sequence.</summary>
    public readonly bool IsComplete => _pendingCount == 0;

    private void Carry(ReadOnlySpan<byte> bytes)
    {
        _pending = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            _pending |= (uint)bytes[i] << (8 * i);
        }

        _pendingCount = bytes.Length;
    }

    /// <summary>Where a multi-byte sequence starts that the chunk cuts off; the chunk length when none.</summary>
    private static int IncompleteTailStart(ReadOnlySpan<byte> chunk)
    {
        for (var i = chunk.Length - 1; i >= 0 && i >= chunk.Length - 3; i--)
        {
            var b = chunk[i];
            if ((b & 0xC0) != 0x80)
            {
                return i + SequenceLength(b) > chunk.Length ? i : chunk.Length;
            }
        }

        return chunk.Length;
    }

    /// <summary>The length a lead byte announces; 1 for ASCII and for invalid bytes (left to IsValid).</summary>
    private static int SequenceLength(byte lead) => lead switch
    {
        < 0xC0 => 1,
        < 0xE0 => 2,
        < 0xF0 => 3,
        < 0xF8 => 4,
        _ => 1,
    };
}
