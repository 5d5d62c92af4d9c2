using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Grains.Tests.EventStore.Queries;

/// <summary>
/// The known events the query contract runs on: three applications in two accounts and two regions, and
/// an account's own events, with ties in event time, errors, reads with and without CloudTrail's
/// <c>readOnly</c>, and raw request text. Every expectation in the contract is written against this list.
/// </summary>
internal static class QueryCorpus
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";
    public const string Alice = "arn:aws:iam::111111111111:role/alice";
    public const string Bob = "arn:aws:iam::111111111111:role/bob";
    public const string Carol = "arn:aws:iam::222222222222:role/carol";

    public static readonly DateTime T0 = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    public static readonly AuditTarget App1 = new(AccountA, "us-east-1", "app1");
    public static readonly AuditTarget App2 = new(AccountA, "eu-west-1", "app2");
    public static readonly AuditTarget App3 = new(AccountB, "us-east-1", "app3");
    public static readonly AuditTarget AccountBLevel = AuditTarget.OfAccount(AccountB);

    /// <summary>Every event of the corpus with its target, ascending by (time, event id): e01 .. e09.</summary>
    public static IReadOnlyList<(AuditTarget Target, AuditEvent Event)> Events { get; } =
    [
        (App1, Event("e01", App1, T0, "CreateApp", Alice, "10.0.0.1", """{"CreateApplicationRequest":{"Name":"Alpha"}}""", PinpointResource.Application, "app1", readOnly: false, write: true) with
        {
            Details = new PinpointDetails("Alpha", null, null, null),
        }),
        (App1, Event("e02", App1, T0.AddMinutes(1), "GetApp", Bob, "10.0.0.2", """{"application-id":"app1"}""", PinpointResource.Application, "app1", readOnly: true, write: false)),
        (App1, Event("e03", App1, T0.AddMinutes(1), "UpdateSmsChannel", Alice, "10.0.0.1", """{"application-id":"app1","SMSChannelRequest":{"Enabled":true}}""", PinpointResource.Channel, null, readOnly: false, write: true) with
        {
            Target = new PinpointTarget("app1", PinpointResource.Channel, null, PinpointChannel.Sms),
        }),
        (App2, Event("e04", App2, T0.AddMinutes(1), "CreateCampaign", Carol, "10.0.0.3", """{"application-id":"app2","WriteCampaignRequest":{"Name":"Spring Sale"}}""", PinpointResource.Campaign, null, readOnly: false, write: true) with
        {
            ErrorCode = "BadRequestException",
            ErrorMessage = "Schedule is required",
        }),
        (App2, Event("e05", App2, T0.AddMinutes(2), "UpdateCampaign", Carol, "10.0.0.3", """{"application-id":"app2","campaign-id":"camp1"}""", PinpointResource.Campaign, "camp1", readOnly: false, write: true)),
        (App3, Event("e06", App3, T0.AddMinutes(2), "GetCampaign", Bob, "10.0.0.2", """{"application-id":"app3","campaign-id":"camp1"}""", PinpointResource.Campaign, "camp1", readOnly: null, write: false)),
        (App3, Event("e07", App3, T0.AddDays(1), "DeleteApp", Alice, "10.0.0.1", """{"application-id":"app3"}""", PinpointResource.Application, "app3", readOnly: false, write: true)),
        (AccountBLevel, Event("e08", AccountBLevel, T0.AddDays(1), "GetApps", Bob, "10.0.0.2", "{}", PinpointResource.Application, null, readOnly: true, write: false) with
        {
            ErrorCode = "AccessDeniedException",
            Target = new PinpointTarget(null, PinpointResource.Application, null, null),
        }),
        (App1, Event("e09", App1, T0.AddDays(1), "UpdateCampaign", Alice, "10.0.0.1", """{"application-id":"app1","campaign-id":"camp1","Note":"HELLO world"}""", PinpointResource.Campaign, "camp1", readOnly: false, write: true)),
    ];

    /// <summary>A Pinpoint event at <paramref name="target"/> as the reader maps one; tests adjust it with <c>with</c>.</summary>
    public static AuditEvent Event(
        string id,
        AuditTarget target,
        DateTime at,
        string name,
        string caller,
        string sourceIp,
        string requestJson,
        PinpointResource resource,
        string? resourceId,
        bool? readOnly,
        bool write) => new()
    {
        EventId = id,
        EventTime = new DateTimeOffset(at, TimeSpan.Zero),
        EventSource = PinpointTargetResolver.PinpointEventSource,
        EventName = name,
        EventType = "AwsApiCall",
        AwsRegion = target.Region ?? "us-east-1",
        RecipientAccountId = target.Account,
        Caller = new CallerIdentity("AssumedRole", caller + "/session", target.Account, "AROA" + id, null, caller, null),
        SourceIpAddress = sourceIp,
        UserAgent = "aws-cli/2.15",
        ReadOnly = readOnly,
        IsWrite = write,
        RequestId = "req-" + id,
        RequestParametersJson = requestJson,
        ResponseElementsJson = write ? """{"ok":true}""" : null,
        Target = new PinpointTarget(target.ApplicationId, resource, resourceId, null),
        Details = PinpointDetails.None,
        SourceKey = $"AWSLogs/{target.Account}/CloudTrail/{target.Region ?? "us-east-1"}/{at:yyyy/MM/dd}/{target.Account}_CloudTrail_{target.Region ?? "us-east-1"}_{at:yyyyMMdd'T'HHmm}Z_x.json.gz",
    };

    /// <summary>A plain read at <paramref name="target"/>, for paging and feed tests.</summary>
    public static AuditEvent Read(string id, AuditTarget target, DateTime at) =>
        Event(id, target, at, "GetApp", Bob, "10.0.0.2", "{}", PinpointResource.Application, target.ApplicationId, readOnly: true, write: false);
}
