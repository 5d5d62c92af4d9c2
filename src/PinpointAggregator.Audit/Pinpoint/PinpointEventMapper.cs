using System.Text;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Trail.Events;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>
/// Builds an <see cref="AuditEvent"/> from a kept record while its bytes are in the reader's buffer: the
/// target, the write flag and the body details are resolved here, once, on bytes.
/// </summary>
/// <param name="summaryOnly">
/// Whether the events only feed a summary. The offline scan keeps every distinct event until it folds them,
/// so it leaves out what the fold never reads: the raw request and response JSON, the request id, the error
/// message, the user agent, the source address, and a role session's own ARN and principal id (a session's
/// caller is counted by its role, <see cref="CallerIdentity.DisplayName"/>, which stays the same). About
/// half the memory per kept event. The service stores everything.
/// </param>
public sealed class PinpointEventMapper(bool summaryOnly = false) : IRecordMapper<AuditEvent>
{
    /// <summary>The mapper that keeps everything: what the service stores.</summary>
    public static PinpointEventMapper Instance { get; } = new();

    /// <summary>The mapper for summaries only: what the fold reads, nothing more.</summary>
    public static PinpointEventMapper ForSummaries { get; } = new(summaryOnly: true);

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
            Caller = BoundedCaller(record.Caller()),
            SourceIpAddress = summaryOnly ? null : Bounded(record.Text(RecordField.SourceIpAddress)),
            UserAgent = summaryOnly ? null : record.Text(RecordField.UserAgent),
            ReadOnly = readOnly,
            IsWrite = readOnly is { } r ? !r : !IsReadAction(name),
            ErrorCode = errorCode,
            ErrorMessage = summaryOnly ? null : record.Text(RecordField.ErrorMessage),
            RequestId = summaryOnly ? null : record.Text(RecordField.RequestId),
            Addendum = record.Addendum(),
            RequestParametersJson = summaryOnly || request.IsEmpty ? null : Encoding.UTF8.GetString(request),
            ResponseElementsJson = summaryOnly || response.IsEmpty ? null : Encoding.UTF8.GetString(response),
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

    /// <summary>
    /// The caller, bounded. For a summary, a role session's own ARN and principal id are left out: they name the
    /// session, one per sign-in, and the summary counts the role.
    /// </summary>
    private CallerIdentity BoundedCaller(CallerIdentity caller)
    {
        var sessionOnly = summaryOnly && caller.SessionIssuerArn is not null;
        return new(
            Bounded(caller.Type), sessionOnly ? null : Bounded(caller.Arn), Bounded(caller.AccountId), sessionOnly ? null : Bounded(caller.PrincipalId),
            Bounded(caller.UserName), Bounded(caller.SessionIssuerArn), Bounded(caller.InvokedBy));
    }
}
