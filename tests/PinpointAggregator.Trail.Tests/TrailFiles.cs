using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests;

/// <summary>Reads the gzip trail files <see cref="TrailJson"/> builds, in memory.</summary>
internal static class TrailFiles
{
    public static TrailReadResult<ProbeEvent> Read(byte[] compressed, TrailReaderOptions? options = null) =>
        new TrailFileReader<ProbeEvent>(ProbeEvent.Mapper, options).Read(new MemoryStream(compressed));

    public static TrailReadResult<ProbeEvent> ReadJson(string json, TrailReaderOptions? options = null) => Read(TrailJson.Gzip(json), options);
}
