using System.Text;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>Reads digest bytes the tests build, in memory.</summary>
internal static class DigestFiles
{
    public static DigestReadResult Read(byte[] compressed, DigestReaderOptions? options = null) =>
        new DigestFileReader(options).Read(new MemoryStream(compressed));

    public static DigestReadResult ReadJson(string json, DigestReaderOptions? options = null) => Read(TrailJson.Gzip(Encoding.UTF8.GetBytes(json)), options);
}
