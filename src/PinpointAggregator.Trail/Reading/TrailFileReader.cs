using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Reads one gzip-compressed CloudTrail log file and returns the records whose event source is kept, each
/// mapped by <typeparamref name="T"/>'s <see cref="IRecordMapper{T}"/> while its bytes are in the buffer, or
/// a typed error. Never returns part of a file and never throws for a bad file.
/// </summary>
/// <remarks>
/// One streaming pass: gzip decompression into a pooled buffer, CRC32, UTF-8 validation and SHA-256 of each
/// chunk while it is in cache, and a <see cref="Utf8JsonReader"/> scan that skips unwanted records
/// without allocating. Memory per read is bounded by the largest record, not the file. Thread-safe:
/// one instance can serve all threads.
/// </remarks>
public sealed class TrailFileReader<T>
{
    /// <summary>Start with a buffer that fits in L2 cache: decompress a chunk, then scan it while it is hot.</summary>
    private const int InitialBufferBytes = 128 * 1024;

    private readonly TrailReaderOptions _options;
    private readonly EventSourceFilter _filter;
    private readonly IRecordMapper<T> _mapper;

    public TrailFileReader(IRecordMapper<T> mapper, TrailReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        _mapper = mapper;
        _options = options ?? new TrailReaderOptions();
        TrailReaderOptionsRules.ThrowIfInvalid(_options);
        _filter = new EventSourceFilter(_options.EventSources);
    }

    /// <summary>Reads a whole gzip file from <paramref name="compressed"/> (which stays open).</summary>
    /// <remarks>For a source already in memory or on a local disk; a network source wants <see cref="ReadAsync"/>.</remarks>
    public TrailReadResult<T> Read(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        var reading = ReadCoreAsync(compressed, synchronous: true, CancellationToken.None);

        // With synchronous reads the core never yields, so this is complete: no thread waits on another.
        Debug.Assert(reading.IsCompleted, "a synchronous read completed synchronously");
        return reading.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reads a whole gzip file from <paramref name="compressed"/> (which stays open) without blocking a thread
    /// while the source waits on the network: for an object streamed from S3.
    /// </summary>
    public ValueTask<TrailReadResult<T>> ReadAsync(Stream compressed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        return ReadCoreAsync(compressed, synchronous: false, cancellationToken);
    }

    /// <summary>The one reading pass, written once for both: it awaits the source only when not <paramref name="synchronous"/>.</summary>
    private async ValueTask<TrailReadResult<T>> ReadCoreAsync(Stream compressed, bool synchronous, CancellationToken cancellationToken)
    {
        var events = new List<T>();
        var parser = new RecordsDocumentParser<T>(_filter, _mapper, events);
        var trailer = new GzipTrailerStream(compressed);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        using var content = new DecompressedContentCheck(_options.MaxDecompressedBytes, _options.ComputeSha256);
        var parsedUpTo = 0L;
        try
        {
            using var gzip = new GZipStream(trailer, CompressionMode.Decompress, leaveOpen: true);
            string? sha256 = null;
            int start = 0, end = 0;
            var final = false;
            while (!final)
            {
                if (end == buffer.Length)
                {
                    buffer = MakeRoom(buffer, ref start, ref end);
                }

                // Fill the buffer before parsing: every parse restarts the unit cut by the buffer's end.
                while (end < buffer.Length)
                {
                    var n = synchronous
                        ? gzip.Read(buffer, end, buffer.Length - end)
                        : await gzip.ReadAsync(buffer.AsMemory(end, buffer.Length - end), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        final = true;
                        if (synchronous)
                        {
                            trailer.DrainToEnd();
                        }
                        else
                        {
                            await trailer.DrainToEndAsync(cancellationToken).ConfigureAwait(false);
                        }

                        sha256 = content.Complete(trailer);
                        break;
                    }

                    // Size cap, CRC32, UTF-8 and SHA-256 while the chunk is hot: hashing costs no second read.
                    content.Append(buffer.AsSpan(end, n));
                    end += n;
                }

                var consumed = parser.Parse(buffer.AsSpan(start, end - start), final);
                start += consumed;
                parsedUpTo += consumed;
                if (end - start > _options.MaxRecordBytes)
                {
                    throw new TrailFormatException(TrailFileErrorKind.RecordTooLarge, $"a single JSON value starting at decompressed byte {parsedUpTo} is larger than {_options.MaxRecordBytes} bytes (the configured cap)");
                }
            }

            if (!parser.IsComplete)
            {
                throw new TrailFormatException(TrailFileErrorKind.InvalidJson, "the JSON ends before the top-level object closes");
            }

            return TrailReadResult<T>.Success(events, parser.RecordsRead, trailer.BytesRead, content.Length, sha256!);
        }
        catch (TrailFormatException e)
        {
            return Fail(e.Kind, e.Message);
        }
        catch (JsonException e)
        {
            return Fail(TrailFileErrorKind.InvalidJson, $"invalid JSON after decompressed byte {parsedUpTo}: {e.Message}");
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

        TrailReadResult<T> Fail(TrailFileErrorKind kind, string message) =>
            TrailReadResult<T>.Failure(new TrailFileError(kind, message, content.Length, parser.RecordsRead), trailer.BytesRead, content.Length);
    }

    /// <summary>Reads a file from disk.</summary>
    public TrailReadResult<T> ReadFile(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            return Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TrailReadResult<T>.Failure(new TrailFileError(TrailFileErrorKind.SourceReadFailed, $"cannot open '{path}': {e.Message}", 0, 0), 0, 0);
        }
    }

    /// <summary>Moves the unparsed tail to the front, or grows the buffer when one unit fills it.</summary>
    private static byte[] MakeRoom(byte[] buffer, ref int start, ref int end)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
            return buffer;
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
