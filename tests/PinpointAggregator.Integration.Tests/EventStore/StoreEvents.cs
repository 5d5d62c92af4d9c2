using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Grains.Applications;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Integration.Tests.EventStore;

/// <summary>Domain events for one application, as the reader would map them, and the fold the grains run.</summary>
internal static class StoreEvents
{
    public const string Account = "111122223333";

    public static readonly AuditTarget App = new(Account, "us-east-1", "app1");

    public static AuditEvent Read(string id, DateTime at, string? requestJson = "{}", string caller = "arn:aws:iam::111122223333:role/ops") => new()
    {
        EventId = id,
        EventTime = at,
        EventSource = "pinpoint.amazonaws.com",
        EventName = "GetApp",
        Caller = new CallerIdentity("AssumedRole", caller, Account, "AROA:ops", null, null, null),
        IsWrite = false,
        ReadOnly = true,
        SourceIpAddress = "192.0.2.10",
        Target = new PinpointTarget("app1", PinpointResource.Application, "app1", null),
        Details = PinpointDetails.None,
        RequestParametersJson = requestJson,
        SourceKey = $"AWSLogs/{Account}/CloudTrail/us-east-1/{at:yyyy/MM/dd}/{Account}_CloudTrail_us-east-1_{at:yyyyMMdd'T'HHmm}Z_x.json.gz",
    };

    public static async Task<AuditFolder<ApplicationState>> FolderAsync(IAuditStore store, AuditTarget? target = null)
    {
        var folder = new AuditFolder<ApplicationState>(store, target ?? App);
        await folder.LoadAsync(default);
        return folder;
    }

    public static Task<ApplyResult> ApplyAsync(AuditFolder<ApplicationState> folder, params AuditEvent[] events) => folder.ApplyAsync(
        EventBatch.Of(events),
        (state, seen, e) => ApplicationAuditor.Apply(state.Audit, seen, e, recentLimit: 10),
        (state, seen, r) => ActivityLedger.Retract(state.Audit.Activity, seen, r),
        default);
}
