using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests;

/// <summary>
/// What the generic reader's tests map a kept record to: a few raw fields, no Pinpoint meaning. Like every
/// mapper, it rejects a record that cannot be an event (no eventID), which rejects the file whole.
/// </summary>
internal sealed record ProbeEvent(string EventId, string? EventSource, string? UserAgent)
{
    public static IRecordMapper<ProbeEvent> Mapper { get; } = new ProbeMapper();

    private sealed class ProbeMapper : IRecordMapper<ProbeEvent>
    {
        public ProbeEvent Map(in TrailRecord record) => new(
            record.Text(RecordField.EventId) ?? throw record.Invalid("has no eventID"),
            record.Text(RecordField.EventSource),
            record.Text(RecordField.UserAgent));
    }
}
