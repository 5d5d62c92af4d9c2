using System.Text;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Trail.Events;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>
/// Builds an <see cref="AuditEvent"/> from a kept record while its bytes are in the reader's buffer: the
/// target, the write flag and the body details are resolved here, once, on bytes.
/// </summary>
/// <param name="keepRawBodies">
/// Whether to keep <c>requestParameters</c> and <c>responseElements</c> as JSON text on the event (the service
/// stores them; the offline scan, which only summarizes, does not, and saves their memory).
/// </param>
public sealed class PinpointEventMapper(bool keepRawBodies = true) : IRecordMapper<AuditEvent>
{
    /// <summary>The mapper that keeps the raw bodies.</summary>
    public static PinpointEventMapper Instance { get; } = new();

    /// <summary>The mapper for summaries only: the raw bodies are read for their meaning, not kept.</summary>
    public static PinpointEventMapper WithoutBodies { get; } = new(keepRawBodies: false);

    private static readonly string[] ReadPrefixes = ["Get", "List", "Describe"];

    public AuditEvent Map(in TrailRecord record)
    {
        var source = record.Text(RecordField.EventSource)!;

        // Names and codes become map keys and labels of the audit state: bounded, as everything a member account writes.
        var name = Bounded(record.Text(RecordField.EventName)) ?? throw record.Invalid("has no eventName");
        var id = record.Text(RecordField.EventId) ?? throw record.Invalid($"({name}) has no eventID");
        var time = record.Time(RecordField.EventTime) switch
        {
            ({ } parsed, _) => parsed,
            (_, null) => throw record.Invalid($"({name} {id}) has no eventTime"),
            (_, var text) => throw record.Invalid($"({name} {id}) has an eventTime '{text}' that is not a date and time"),
        };

        var request = record.Json(RecordField.RequestParameters);
        var response = record.Json(RecordField.ResponseElements);
        var readOnly = record.Boolean(RecordField.ReadOnly);
        var errorCode = Bounded(record.Text(RecordField.ErrorCode));
        var target = PinpointTargetResolver.Resolve(source, name, request, response);
        return new AuditEvent
        {
            EventId = id,
            EventTime = time,
            EventSource = source,
            EventName = name,
            EventType = record.Text(RecordField.EventType),
            AwsRegion = record.Text(RecordField.AwsRegion),
            RecipientAccountId = record.Text(RecordField.RecipientAccountId),
            Caller = Bounded(record.Caller()),
            SourceIpAddress = Bounded(record.Text(RecordField.SourceIpAddress)),
            UserAgent = record.Text(RecordField.UserAgent),
            ReadOnly = readOnly,
            IsWrite = readOnly is { } r ? !r : !IsReadAction(name),
            ErrorCode = errorCode,
            ErrorMessage = record.Text(RecordField.ErrorMessage),
            RequestId = record.Text(RecordField.RequestId),
            Addendum = record.Addendum(),
            RequestParametersJson = !keepRawBodies || request.IsEmpty ? null : Encoding.UTF8.GetString(request),
            ResponseElementsJson = !keepRawBodies || response.IsEmpty ? null : Encoding.UTF8.GetString(response),
            Target = target,
            Details = PinpointDetails.Of(name, target.Resource, errorCode is not null, request, response),
        };
    }

    private static bool IsReadAction(string name)
    {
        foreach (var prefix in ReadPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Bounded(string? value) => value is null ? null : PinpointNames.Bounded(value, PinpointNames.MaxTextLength);

    private static CallerIdentity Bounded(CallerIdentity caller) => new(
        Bounded(caller.Type), Bounded(caller.Arn), Bounded(caller.AccountId), Bounded(caller.PrincipalId),
        Bounded(caller.UserName), Bounded(caller.SessionIssuerArn), Bounded(caller.InvokedBy));
}
