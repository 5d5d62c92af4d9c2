namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Maps a record's property name (raw UTF-8) to a <see cref="RecordField"/>. Runs for every property of
/// every record, so it switches on length before comparing bytes.
/// </summary>
internal static class RecordFieldNames
{
    public static RecordField Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 when name.SequenceEqual("eventID"u8) => RecordField.EventId,
        8 when name.SequenceEqual("readOnly"u8) => RecordField.ReadOnly,
        8 when name.SequenceEqual("addendum"u8) => RecordField.Addendum,
        9 => Classify9(name),
        11 when name.SequenceEqual("eventSource"u8) => RecordField.EventSource,
        12 when name.SequenceEqual("userIdentity"u8) => RecordField.UserIdentity,
        12 when name.SequenceEqual("errorMessage"u8) => RecordField.ErrorMessage,
        15 when name.SequenceEqual("sourceIPAddress"u8) => RecordField.SourceIpAddress,
        16 when name.SequenceEqual("responseElements"u8) => RecordField.ResponseElements,
        17 when name.SequenceEqual("requestParameters"u8) => RecordField.RequestParameters,
        18 when name.SequenceEqual("recipientAccountId"u8) => RecordField.RecipientAccountId,
        _ => RecordField.None,
    };

    private static RecordField Classify9(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("eventTime"u8))
        {
            return RecordField.EventTime;
        }

        if (name.SequenceEqual("eventName"u8))
        {
            return RecordField.EventName;
        }

        if (name.SequenceEqual("awsRegion"u8))
        {
            return RecordField.AwsRegion;
        }

        if (name.SequenceEqual("userAgent"u8))
        {
            return RecordField.UserAgent;
        }

        if (name.SequenceEqual("errorCode"u8))
        {
            return RecordField.ErrorCode;
        }

        if (name.SequenceEqual("requestID"u8))
        {
            return RecordField.RequestId;
        }

        return name.SequenceEqual("eventType"u8) ? RecordField.EventType : RecordField.None;
    }
}
