using System.Globalization;
using System.Text;
using System.Text.Json;
using PinpointAggregator.Trail.Events;
using PinpointAggregator.Trail.Pinpoint;

namespace PinpointAggregator.Trail.Reading;

/// <summary>Builds a <see cref="TrailEvent"/> from the slots of a record that passed the filter.</summary>
internal static class RecordMaterializer
{
    public static TrailEvent Create(ReadOnlySpan<byte> data, RecordSlots slots, int recordIndex)
    {
        var source = String(data, slots, RecordField.EventSource)!;
        var name = String(data, slots, RecordField.EventName)
            ?? throw Invalid(recordIndex, source, "has no eventName");
        var id = String(data, slots, RecordField.EventId)
            ?? throw Invalid(recordIndex, source, $"({name}) has no eventID");
        var timeText = String(data, slots, RecordField.EventTime)
            ?? throw Invalid(recordIndex, source, $"({name} {id}) has no eventTime");
        if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw Invalid(recordIndex, source, $"({name} {id}) has an eventTime '{timeText}' that is not a date and time");
        }

        var request = Object(data, slots, RecordField.RequestParameters);
        var response = Object(data, slots, RecordField.ResponseElements);
        return new TrailEvent
        {
            EventId = id,
            EventTime = time,
            EventSource = source,
            EventName = name,
            EventType = String(data, slots, RecordField.EventType),
            AwsRegion = String(data, slots, RecordField.AwsRegion),
            RecipientAccountId = String(data, slots, RecordField.RecipientAccountId),
            Caller = CallerIdentityReader.Read(Object(data, slots, RecordField.UserIdentity)),
            SourceIpAddress = String(data, slots, RecordField.SourceIpAddress),
            UserAgent = String(data, slots, RecordField.UserAgent),
            ReadOnly = Boolean(data, slots, RecordField.ReadOnly),
            ErrorCode = String(data, slots, RecordField.ErrorCode),
            ErrorMessage = String(data, slots, RecordField.ErrorMessage),
            RequestId = String(data, slots, RecordField.RequestId),
            Addendum = ReadAddendum(Object(data, slots, RecordField.Addendum)),
            RequestParametersJson = request.IsEmpty ? null : Encoding.UTF8.GetString(request),
            ResponseElementsJson = response.IsEmpty ? null : Encoding.UTF8.GetString(response),
            Target = PinpointTargetResolver.Resolve(source, name, request, response),
        };
    }

    private static string? String(ReadOnlySpan<byte> data, RecordSlots slots, RecordField field)
    {
        ref readonly var slot = ref slots[field];
        return slot.Type == JsonTokenType.String ? JsonText.Decode(data.Slice(slot.Start, slot.Length), slot.Escaped) : null;
    }

    private static ReadOnlySpan<byte> Object(ReadOnlySpan<byte> data, RecordSlots slots, RecordField field)
    {
        ref readonly var slot = ref slots[field];
        return slot.Type == JsonTokenType.StartObject ? data.Slice(slot.Start, slot.Length) : default;
    }

    /// <summary>CloudTrail writes a JSON boolean; some producers write the string "true"/"false".</summary>
    private static bool? Boolean(ReadOnlySpan<byte> data, RecordSlots slots, RecordField field)
    {
        ref readonly var slot = ref slots[field];
        return slot.Type switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String => bool.TryParse(JsonText.Decode(data.Slice(slot.Start, slot.Length), slot.Escaped), out var value) ? value : null,
            _ => null,
        };
    }

    private static EventAddendum? ReadAddendum(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        var values = JsonObjectStrings.Read(json, ["reason", "updatedFields", "originalRequestID", "originalEventID"]);
        return new EventAddendum(values[0], values[1], values[2], values[3]);
    }

    private static TrailFormatException Invalid(int recordIndex, string source, string what) =>
        new(TrailFileErrorKind.InvalidRecord, $"Records[{recordIndex}] ({source}) {what}");
}
