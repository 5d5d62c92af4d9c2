using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// A kept event as the in-memory store keeps it for queries: the same columns the PostgreSQL store writes
/// to <c>pinpoint_events</c> (its <c>EventRow</c>), so both stores answer a query alike.
/// </summary>
internal static class StoredEvents
{
    public static StoredEvent Of(AuditTarget target, AuditEvent e) => new()
    {
        Target = target.Key,
        EventId = e.EventId,
        EventTime = e.EventTime.UtcDateTime,
        Account = target.Account,
        Region = target.Region ?? e.AwsRegion,
        ApplicationId = target.ApplicationId,
        EventSource = e.EventSource,
        EventName = e.EventName,
        EventType = e.EventType,
        ResourceKind = e.Target.Resource.ToString(),
        ResourceId = e.Target.ResourceId,
        Channel = e.Target.Channel?.ToString(),
        UnresolvedTarget = e.Target.UnresolvedApplicationId,
        CallerType = e.Caller.Type,
        CallerArn = e.Caller.Arn,
        CallerAccountId = e.Caller.AccountId,
        CallerPrincipalId = e.Caller.PrincipalId,
        CallerUserName = e.Caller.UserName,
        CallerIssuerArn = e.Caller.SessionIssuerArn,
        CallerInvokedBy = e.Caller.InvokedBy,
        Caller = e.Caller.DisplayName,
        ReadOnly = e.ReadOnly,
        IsWrite = e.IsWrite,
        ErrorCode = e.ErrorCode,
        ErrorMessage = e.ErrorMessage,
        SourceIp = e.SourceIpAddress,
        UserAgent = e.UserAgent,
        RequestId = e.RequestId,
        SourceKey = e.SourceKey,
        IsAddendum = e.IsAddendum,
        RequestParametersJson = e.RequestParametersJson,
        ResponseElementsJson = e.ResponseElementsJson,
    };

    /// <summary>The event without its raw JSON, for reads that did not ask for it.</summary>
    public static StoredEvent WithoutRaw(this StoredEvent e) =>
        e.RequestParametersJson is null && e.ResponseElementsJson is null ? e : e with { RequestParametersJson = null, ResponseElementsJson = null };
}
