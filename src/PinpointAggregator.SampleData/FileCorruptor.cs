using System.IO.Compression;
using System.Text;

namespace PinpointAggregator.SampleData;

/// <summary>Damages a file's bytes in one of the ways real deliveries and storage go wrong.</summary>
internal static class FileCorruptor
{
    /// <summary>The reader's error kind (TrailFileErrorKind name) each damage must produce.</summary>
    public static string ExpectedError(MalformedKind kind) => kind switch
    {
        MalformedKind.TruncatedGzip or MalformedKind.MissingTrailer => "TruncatedGzip",
        MalformedKind.InvalidJson => "InvalidJson",
        MalformedKind.MissingRecords => "MissingRecords",
        MalformedKind.InvalidUtf8 => "InvalidUtf8",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static byte[] Corrupt(MalformedKind kind, byte[] json, SampleRandom random)
    {
        switch (kind)
        {
            case MalformedKind.TruncatedGzip:
                var gz = Compress(json);
                return gz[..(int)(gz.Length * (0.35 + (0.4 * random.NextDouble())))];
            case MalformedKind.MissingTrailer:
                return Compress(json)[..^8];
            case MalformedKind.InvalidJson:
                var colon = FindFromMiddle(json, "\":"u8) + 1;
                return Compress([.. json.AsSpan(0, colon), .. json.AsSpan(colon + 1)]);
            case MalformedKind.MissingRecords:
                var renamed = (byte[])json.Clone();
                renamed[2] = (byte)'r'; // {"Records" -> {"records"
                return Compress(renamed);
            case MalformedKind.InvalidUtf8:
                var agent = FindFromMiddle(json, "\"userAgent\":\""u8) + 13;
                return Compress([.. json.AsSpan(0, agent), 0xC3, 0x28, .. json.AsSpan(agent)]);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>The first match at or after the middle of the file, else the first match at all.</summary>
    private static int FindFromMiddle(byte[] json, ReadOnlySpan<byte> pattern)
    {
        var middle = json.Length / 2;
        var after = json.AsSpan(middle).IndexOf(pattern);
        return after >= 0 ? middle + after : json.AsSpan().IndexOf(pattern);
    }

    public static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Document(IEnumerable<SampleRecord> records) =>
        Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(',', records.Select(r => r.Json)) + "]}");
}
