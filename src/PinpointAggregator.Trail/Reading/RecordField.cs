namespace PinpointAggregator.Trail.Reading;

/// <summary>The top-level record fields the reader keeps (their positions); everything else is skipped unread.</summary>
public enum RecordField : byte
{
    None,
    EventId,
    EventTime,
    EventSource,
    EventName,
    EventType,
    AwsRegion,
    RecipientAccountId,
    SourceIpAddress,
    UserAgent,
    ErrorCode,
    ErrorMessage,
    RequestId,
    ReadOnly,
    UserIdentity,
    RequestParameters,
    ResponseElements,
    Addendum,
}
