using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Benchmarks;

/// <summary>The floors the reader is measured against: what no reader of gzip JSON can beat.</summary>
/// <remarks>
/// Each floor does the reader's I/O and nothing more: the same compressed source (a <see cref="MemoryStream"/>
/// over the file in memory, or <see cref="OpenLikeTheReader"/> on disk), a <see cref="GZipStream"/> over it,
/// and the same 128 KiB buffer rented from <see cref="ArrayPool{T}.Shared"/> and filled before each parse.
/// A fresh 128 KiB array per file would land on the large-object heap and cost a gen-2 collection every few
/// hundred files, charging the floor for work the reader does not do. If the reader ever beats a floor, the
/// floor is wrong.
/// </remarks>
internal static class Baselines
{
    /// <summary>The reader's starting buffer (<c>TrailFileReader<AuditEvent>.InitialBufferBytes</c>).</summary>
    private const int BufferBytes = 128 * 1024;

    /// <summary>Opens a file exactly as <c>TrailFileReader<AuditEvent>.ReadFile</c> does.</summary>
    public static FileStream OpenLikeTheReader(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);

    /// <summary>(a) Decompression alone: returns the decompressed byte count.</summary>
    public static long Decompress(byte[] compressed) => Decompress(new MemoryStream(compressed));

    /// <summary>(a) Decompression alone of <paramref name="compressed"/> (which stays open).</summary>
    public static long Decompress(Stream compressed)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            long total = 0;
            int n;
            while ((n = gzip.Read(buffer, 0, BufferBytes)) > 0)
            {
                total += n;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>(b) Decompression plus a bare <see cref="Utf8JsonReader"/> pass over every token: returns the token count.</summary>
    public static long DecompressAndScan(byte[] compressed) => DecompressAndScan(new MemoryStream(compressed));

    /// <summary>(b) of <paramref name="compressed"/> (which stays open).</summary>
    public static long DecompressAndScan(Stream compressed) => DecompressAndScan(compressed, sha256: null);

    /// <summary>
    /// (b+h) The floor for a reader that hashes: (b) plus the SHA-256 of every decompressed chunk as it is read
    /// (the reader's <c>IncrementalHash</c>, while the chunk is hot): returns the token count.
    /// </summary>
    public static long DecompressScanAndHash(byte[] compressed)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tokens = DecompressAndScan(new MemoryStream(compressed), sha256);
        Span<byte> hash = stackalloc byte[32];
        sha256.GetHashAndReset(hash);
        return tokens + hash[0];
    }

    private static long DecompressAndScan(Stream compressed, IncrementalHash? sha256)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
            long tokens = 0;
            int start = 0, end = 0;
            var final = false;
            while (!final)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }

                // Fill the buffer before parsing, as the reader does.
                while (end < BufferBytes)
                {
                    var n = gzip.Read(buffer, end, BufferBytes - end);
                    if (n == 0)
                    {
                        final = true;
                        break;
                    }

                    sha256?.AppendData(buffer.AsSpan(end, n));
                    end += n;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
                while (reader.Read())
                {
                    tokens++;
                }

                state = reader.CurrentState;
                start += (int)reader.BytesConsumed;
                if (!final && start == 0 && end == BufferBytes)
                {
                    throw new InvalidDataException($"a single JSON token is longer than the {BufferBytes}-byte buffer");
                }
            }

            return tokens;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
