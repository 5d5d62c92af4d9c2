using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// Reads one gzip-compressed CloudTrail digest file into a <see cref="DigestFile"/> and the SHA-256 of its
/// uncompressed content, or a typed error with the same kinds and rules as log files (truncated or corrupt
/// gzip, CRC32, size cap, UTF-8, JSON), plus <see cref="TrailFileErrorKind.InvalidDigest"/>. Never throws
/// for a bad file.
/// </summary>
/// <remarks>
/// A digest is small (one hour of one account and region), so it is decompressed whole into a pooled buffer
/// bounded by <see cref="DigestReaderOptions.MaxDecompressedBytes"/>, checked chunk by chunk as it arrives,
/// then parsed. Thread-safe: one instance can serve all threads.
/// </remarks>
public sealed class DigestFileReader
{
    private const int InitialBufferBytes = 16 * 1024;

    private readonly DigestReaderOptions _options;

    public DigestFileReader(DigestReaderOptions? options = null)
    {
        _options = options ?? new DigestReaderOptions();
        DigestReaderOptionsRules.ThrowIfInvalid(_options);
    }

    /// <summary>Reads a whole digest from <paramref name="compressed"/> (which stays open).</summary>
    public DigestReadResult Read(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        var reading = ReadCoreAsync(compressed, synchronous: true, CancellationToken.None);

        // With synchronous reads the core never yields, so this is complete: no thread waits on another.
        Debug.Assert(reading.IsCompleted, "a synchronous read completed synchronously");
        return reading.GetAwaiter().GetResult();
    }

    /// <summary>Reads a whole digest without blocking a thread while the source waits on the network.</summary>
    public ValueTask<DigestReadResult> ReadAsync(Stream compressed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        return ReadCoreAsync(compressed, synchronous: false, cancellationToken);
    }

    private async ValueTask<DigestReadResult> ReadCoreAsync(Stream compressed, bool synchronous, CancellationToken cancellationToken)
    {
        var trailer = new GzipTrailerStream(compressed);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        using var content = new DecompressedContentCheck(_options.MaxDecompressedBytes, hash: true);
        try
        {
            using var gzip = new GZipStream(trailer, CompressionMode.Decompress, leaveOpen: true);
            var end = 0;
            while (true)
            {
                if (end == buffer.Length)
                {
                    buffer = Grow(buffer, end);
                }

                // Never ask for more than one byte past the cap: the buffer and the work stay bounded by it.
                var want = (int)Math.Min(buffer.Length - end, _options.MaxDecompressedBytes - end + 1);
                var n = synchronous
                    ? gzip.Read(buffer, end, want)
                    : await gzip.ReadAsync(buffer.AsMemory(end, want), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                content.Append(buffer.AsSpan(end, n));
                end += n;
            }

            if (synchronous)
            {
                trailer.DrainToEnd();
            }
            else
            {
                await trailer.DrainToEndAsync(cancellationToken).ConfigureAwait(false);
            }

            var sha256 = content.Complete(trailer)!; // a digest is always hashed
            var digest = DigestJsonParser.Parse(buffer.AsSpan(0, end), _options.MaxLogFiles);
            return DigestReadResult.Success(digest, sha256, trailer.BytesRead, content.Length);
        }
        catch (TrailFormatException e)
        {
            return Fail(e.Kind, e.Message);
        }
        catch (JsonException e)
        {
            return Fail(TrailFileErrorKind.InvalidJson, $"invalid JSON: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return Fail(TrailFileErrorKind.CorruptGzip, $"the gzip data is corrupt or fails its CRC32 check after {trailer.BytesRead} compressed bytes ({e.Message})");
        }
        catch (IOException e)
        {
            return Fail(TrailFileErrorKind.SourceReadFailed, $"reading the source failed after {trailer.BytesRead} compressed bytes: {e.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        DigestReadResult Fail(TrailFileErrorKind kind, string message) =>
            DigestReadResult.Failure(new TrailFileError(kind, message, content.Length, 0), trailer.BytesRead, content.Length);
    }

    /// <summary>Reads a digest from disk.</summary>
    public DigestReadResult ReadFile(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            return Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DigestReadResult.Failure(new TrailFileError(TrailFileErrorKind.SourceReadFailed, $"cannot open '{path}': {e.Message}", 0, 0), 0, 0);
        }
    }

    /// <summary>Doubles the buffer; the size cap (checked per chunk) bounds how far it can grow.</summary>
    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
