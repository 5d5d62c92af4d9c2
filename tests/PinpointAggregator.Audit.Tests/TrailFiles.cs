using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Audit.Tests;

/// <summary>Reads the gzip trail files <see cref="TrailJson"/> builds, in memory.</summary>
internal static class TrailFiles
{
    public static TrailReadResult<AuditEvent> Read(byte[] compressed, TrailReaderOptions? options = null) =>
        AuditEventReader.Create(options).Read(new MemoryStream(compressed));

    public static TrailReadResult<AuditEvent> ReadJson(string json, TrailReaderOptions? options = null) => Read(TrailJson.Gzip(json), options);
}
