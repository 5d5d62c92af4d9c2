using System.IO.Compression;
using System.Text;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>Gzip trail files made in memory for the fetcher's tests.</summary>
internal static class TrailFileBytes
{
    public const string TwoRecords = """{"Records":[{"eventID":"1","eventSource":"ec2.amazonaws.com"},{"eventID":"2","eventSource":"s3.amazonaws.com"}]}""";

    public static byte[] Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A valid trail file of at least <paramref name="compressedBytes"/> bytes compressed: random hex in a
    /// record field compresses only about twofold, so the file stays large without being huge to build.
    /// </summary>
    public static byte[] Large(int compressedBytes)
    {
        var random = new Random(7);
        var records = new List<string>();
        byte[] file;
        do
        {
            var noise = Convert.ToHexString(Enumerable.Range(0, 16 * 1024).Select(_ => (byte)random.Next(256)).ToArray());
            records.Add($$"""{"eventID":"{{records.Count}}","eventSource":"ec2.amazonaws.com","note":"{{noise}}"}""");
            file = Gzip($$"""{"Records":[{{string.Join(',', records)}}]}""");
        }
        while (file.Length < compressedBytes);

        return file;
    }
}
