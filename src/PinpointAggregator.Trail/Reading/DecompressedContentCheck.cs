using System.IO.Hashing;
using System.Security.Cryptography;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// The checks every decompressed chunk of a trail file passes, stated once for log files and digests: the size
/// cap, CRC32 (for the gzip trailer), UTF-8 validity, and the SHA-256 of the uncompressed content that
/// CloudTrail's digests list. Each chunk is checked while it is still in cache, in the one reading pass.
/// </summary>
/// <remarks>
/// The SHA-256 costs about a fifth of the reader's speed, so it is computed only when asked for
/// (<paramref name="hash"/>): digests always, log files when integrity validation needs their hashes
/// (<see cref="TrailReaderOptions.ComputeSha256"/>). Hashing a log for offline verification needs no UTF-8
/// check (<paramref name="validateUtf8"/> false): a digest vouches for the bytes, whatever they are.
/// </remarks>
internal sealed class DecompressedContentCheck(long maxDecompressedBytes, bool hash, bool validateUtf8 = true) : IDisposable
{
    private readonly Crc32 _crc = new();
    private readonly IncrementalHash? _sha256 = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    private Utf8StreamValidator _utf8;

    /// <summary>Decompressed bytes seen so far.</summary>
    public long Length { get; private set; }

    /// <summary>Checks one chunk; throws <see cref="TrailFormatException"/> when the content is bad.</summary>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        Length += chunk.Length;
        if (Length > maxDecompressedBytes)
        {
            throw new TrailFormatException(TrailFileErrorKind.DecompressedSizeLimitExceeded, $"the file decompresses to more than {maxDecompressedBytes} bytes (the configured cap)");
        }

        _crc.Append(chunk);
        if (validateUtf8 && !_utf8.Append(chunk))
        {
            throw new TrailFormatException(TrailFileErrorKind.InvalidUtf8, $"invalid UTF-8 in decompressed bytes {Length - chunk.Length}..{Length}");
        }

        _sha256?.AppendData(chunk);
    }

    /// <summary>
    /// At the end of the gzip stream: checks the trailer and that no UTF-8 sequence was cut, and returns the
    /// lower-case hex SHA-256 of the uncompressed content (null when not hashing).
    /// </summary>
    public string? Complete(GzipTrailerStream trailer)
    {
        trailer.VerifyTrailer(_crc.GetCurrentHashAsUInt32(), Length);
        if (validateUtf8 && !_utf8.IsComplete)
        {
            throw new TrailFormatException(TrailFileErrorKind.InvalidUtf8, "the data ends inside a multi-byte UTF-8 sequence");
        }

        return _sha256 is null ? null : Convert.ToHexStringLower(_sha256.GetHashAndReset());
    }

    public void Dispose() => _sha256?.Dispose();
}
