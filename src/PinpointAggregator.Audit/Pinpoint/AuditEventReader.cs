using PinpointAggregator.Audit.Events;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>The trail reader that yields <see cref="AuditEvent"/>s: what the scan and the service read with.</summary>
public static class AuditEventReader
{
    public static TrailFileReader<AuditEvent> Create(TrailReaderOptions? options = null) => new(PinpointEventMapper.Instance, options);

    /// <summary>A reader for summaries only: events with what the fold reads (<see cref="PinpointEventMapper.ForSummaries"/>).</summary>
    public static TrailFileReader<AuditEvent> ForSummaries(TrailReaderOptions? options = null) => new(PinpointEventMapper.ForSummaries, options);
}
