using System.Text.Json;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// One record of a trail file as the reader saw it: where each kept top-level field lies in the buffer.
/// Valid only during <see cref="IRecordMapper{T}.Map"/>; strings are made only when asked for.
/// </summary>
public readonly ref struct TrailRecord
{
    private static readonly JsonObjectStrings AddendumFields = new("reason", "updatedFields", "originalRequestID", "originalEventID");

    private readonly ReadOnlySpan<byte> _data;
    private readonly RecordSlots _slots;

    internal TrailRecord(ReadOnlySpan<byte> data, RecordSlots slots, int index)
    {
        _data = data;
        _slots = slots;
        Index = index;
    }

    /// <summary>The record's position in the file's <c>Records</c> array.</summary>
    public int Index { get; }

    /// <summary>The field's string value; null when absent, null or not a string.</summary>
    public string? Text(RecordField field)
    {
        ref readonly var slot = ref _slots[field];
        return slot.Type == JsonTokenType.String ? JsonText.Decode(_data.Slice(slot.Start, slot.Length), slot.Escaped) : null;
    }

    /// <summary>The field's whole JSON object text; empty when absent or not an object.</summary>
    public ReadOnlySpan<byte> Json(RecordField field)
    {
        ref readonly var slot = ref _slots[field];
        return slot.Type == JsonTokenType.StartObject ? _data.Slice(slot.Start, slot.Length) : default;
    }

    /// <summary>CloudTrail writes a JSON boolean; some producers write the string "true"/"false".</summary>
    public bool? Boolean(RecordField field)
    {
        ref readonly var slot = ref _slots[field];
        return slot.Type switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String => bool.TryParse(JsonText.Decode(_data.Slice(slot.Start, slot.Length), slot.Escaped), out var value) ? value : null,
            _ => null,
        };
    }

    /// <summary>Who made the call (<c>userIdentity</c>).</summary>
    public CallerIdentity Caller() => CallerIdentityReader.Read(Json(RecordField.UserIdentity));

    /// <summary>CloudTrail's <c>addendum</c>, when the record re-sends an earlier event.</summary>
    public EventAddendum? Addendum()
    {
        var json = Json(RecordField.Addendum);
        if (json.IsEmpty)
        {
            return null;
        }

        var values = AddendumFields.Read(json);
        return new EventAddendum(values[0], values[1], values[2], values[3]);
    }

    /// <summary>The exception that rejects the file because this record cannot be an event.</summary>
    public Exception Invalid(string what) =>
        new TrailFormatException(TrailFileErrorKind.InvalidRecord, $"Records[{Index}] ({Text(RecordField.EventSource)}) {what}");
}
