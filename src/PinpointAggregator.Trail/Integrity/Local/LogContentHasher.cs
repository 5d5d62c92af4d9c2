using System.Buffers;
using System.IO.Compression;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>
/// The SHA-256 of a log file's uncompressed content, as digests list it, and nothing more: decompression and the
/// reader's own chunk checks (<see cref="DecompressedContentCheck"/>: the size cap, CRC32 for the gzip trailer, so
/// a truncated file is caught as the reader catches it) without its UTF-8 check; no JSON. A file that cannot be hashed is <see cref="LogFileStateKind.Unhashable"/>
/// with the reader's error kind and message. Thread-safe.
/// </summary>
internal static class LogContentHasher
{
    /// <summary>A chunk that fits in L2 cache: decompressed, then CRC'd and hashed while hot.</summary>
    private const int ChunkBytes = 128 * 1024;

    public static LogFileState HashFile(string path, long maxDecompressedBytes)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            return Hash(file, maxDecompressedBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unhashable(TrailFileErrorKind.SourceReadFailed, $"cannot open the file: {e.Message}");
        }
    }

    public static LogFileState Hash(Stream compressed, long maxDecompressedBytes)
    {
        var trailer = new GzipTrailerStream(compressed);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        using var content = new DecompressedContentCheck(maxDecompressedBytes, hash: true, validateUtf8: false);
        try
        {
            using (var gzip = new GZipStream(trailer, CompressionMode.Decompress, leaveOpen: true))
            {
                int n;
                while ((n = gzip.Read(buffer, 0, buffer.Length)) > 0)
                {
                    content.Append(buffer.AsSpan(0, n));
                }
            }

            trailer.DrainToEnd();
            return LogFileState.Hashed(content.Complete(trailer)!);
        }
        catch (TrailFormatException e)
        {
            return Unhashable(e.Kind, e.Message);
        }
        catch (InvalidDataException e)
        {
            return Unhashable(TrailFileErrorKind.CorruptGzip, $"the gzip data is corrupt or fails its CRC32 check after {trailer.BytesRead} compressed bytes ({e.Message})");
        }
        catch (IOException e)
        {
            return Unhashable(TrailFileErrorKind.SourceReadFailed, $"reading the file failed after {trailer.BytesRead} compressed bytes: {e.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static LogFileState Unhashable(TrailFileErrorKind kind, string message) => LogFileState.Unhashable($"{kind}: {message}");
}
