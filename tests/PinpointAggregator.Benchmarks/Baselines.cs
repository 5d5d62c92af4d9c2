using System.IO.Compression;
using System.Text.Json;

namespace PinpointAggregator.Benchmarks;

/// <summary>The floors the reader is measured against: what no reader of gzip JSON can beat.</summary>
internal static class Baselines
{
    private const int BufferBytes = 128 * 1024;

    /// <summary>(a) Decompression alone: returns the decompressed byte count.</summary>
    public static long Decompress(byte[] compressed)
    {
        var buffer = new byte[BufferBytes];
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        long total = 0;
        int n;
        while ((n = gzip.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    /// <summary>(b) Decompression plus a bare <see cref="Utf8JsonReader"/> pass over every token: returns the token count.</summary>
    public static long DecompressAndScan(byte[] compressed)
    {
        var buffer = new byte[BufferBytes];
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
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

            while (end < buffer.Length)
            {
                var n = gzip.Read(buffer, end, buffer.Length - end);
                if (n == 0)
                {
                    final = true;
                    break;
                }

                end += n;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            while (reader.Read())
            {
                tokens++;
            }

            state = reader.CurrentState;
            start += (int)reader.BytesConsumed;
        }

        return tokens;
    }
}
