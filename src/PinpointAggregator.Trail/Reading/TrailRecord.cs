using System.Globalization;
using System.Text;
using System.Text.Json;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// One record of a trail file as the reader saw it: where each kept top-level field lies in the buffer.
/// Valid only during <see cref="IRecordMapper{T}.Map"/>; strings are made only when asked for.
/// </summary>
public readonly ref struct TrailRecord
{
    private static readonly JsonObjectStrings AddendumFields = new(["reason", "updatedFields", "originalRequestID", "originalEventID"]);

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
    /// <remarks>Values that repeat across records come from <see cref="Utf8StringPool.Shared"/>; ids, times and messages are decoded afresh.</remarks>
    public string? Text(RecordField field)
    {
        ref readonly var slot = ref _slots[field];
        if (slot.Type != JsonTokenType.String)
        {
            return null;
        }

        var raw = _data.Slice(slot.Start, slot.Length);
        return !slot.Escaped && Repeats(field) ? Utf8StringPool.Shared.Get(raw) : JsonText.Decode(raw, slot.Escaped);
    }

    /// <summary>The field's whole JSON object text; empty when absent or not an object.</summary>
    public ReadOnlySpan<byte> Json(RecordField field)
    {
        ref readonly var slot = ref _slots[field];
        return slot.Type == JsonTokenType.StartObject ? _data.Slice(slot.Start, slot.Length) : default;
    }

    /// <summary>
    /// The field as a date and time (read as UTC when it names no offset), parsed on the stack; the text is
    /// made only when the field is not a date and time, for the message that rejects it.
    /// </summary>
    public (DateTimeOffset? Parsed, string? Text) Time(RecordField field)
    {
        ref readonly var slot = ref _slots[field];
        if (slot.Type != JsonTokenType.String)
        {
            return (null, null);
        }

        // CloudTrail writes about 20 plain ASCII characters: decoded on the stack, no string made.
        var raw = _data.Slice(slot.Start, slot.Length);
        if (!slot.Escaped && raw.Length <= 64)
        {
            Span<char> chars = stackalloc char[raw.Length];
            if (TryParseTime(chars[..Encoding.UTF8.GetChars(raw, chars)], out var time))
            {
                return (time, null);
            }
        }

        var text = JsonText.Decode(raw, slot.Escaped);
        return TryParseTime(text, out var parsed) ? (parsed, null) : (null, text);
    }

    private static bool TryParseTime(ReadOnlySpan<char> text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

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

    /// <summary>
    /// Whether a field's values repeat across records, so sharing their strings pays: not an id, a time or a
    /// message, and not a source address, of which a large organization has more than the pool holds.
    /// </summary>
    private static bool Repeats(RecordField field) =>
        field is RecordField.EventSource or RecordField.EventName or RecordField.EventType or RecordField.AwsRegion
            or RecordField.RecipientAccountId or RecordField.UserAgent or RecordField.ErrorCode;

    /// <summary>The exception that rejects the file because this record cannot be an event.</summary>
    public Exception Invalid(string what) =>
        new TrailFormatException(TrailFileErrorKind.InvalidRecord, $"Records[{Index}] ({Text(RecordField.EventSource)}) {what}");
}
