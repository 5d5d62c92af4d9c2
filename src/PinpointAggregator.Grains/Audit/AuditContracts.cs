using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Fold;
using StateChange = PinpointAggregator.Audit.Fold.Change;
using StateRecent = PinpointAggregator.Audit.Fold.RecentEvent;

namespace PinpointAggregator.Grains.Audit;

/// <summary>
/// The one place the audit fold's state becomes the contracts queries see. The state can be renamed or
/// reshaped (with a state version) without touching the wire, and the wire without touching storage.
/// </summary>
internal static class AuditContracts
{
    public static ApplicationAudit ToContract(this ApplicationAuditState state) => new()
    {
        Account = state.Account,
        Region = state.Region,
        ApplicationId = state.ApplicationId,
        Name = state.Name,
        NamedBy = state.NamedBy.ToContract(),
        Created = state.Created.ToContract(),
        Deleted = state.Deleted.ToContract(),
        Channels = state.Channels.ToDictionary(p => p.Key, p => p.Value.ToContract(), StringComparer.Ordinal),
        Campaigns = state.Campaigns.ToDictionary(p => p.Key, p => p.Value.ToContract(), StringComparer.Ordinal),
        Segments = state.Segments.ToDictionary(p => p.Key, p => p.Value.ToContract(), StringComparer.Ordinal),
        ImportJobs = state.ImportJobs.ToDictionary(p => p.Key, p => p.Value.ToContract(), StringComparer.Ordinal),
        EventStream = new EventStreamAudit
        {
            LastPut = state.EventStream.LastPut.ToContract(),
            DestinationStreamArn = state.EventStream.DestinationStreamArn,
            LastDelete = state.EventStream.LastDelete.ToContract(),
            Active = state.EventStream.Active,
        },
        Settings = new SettingsAudit { LastChange = state.Settings.LastChange.ToContract(), Changes = state.Settings.Changes },
        Activity = state.Activity.ToContract(),
    };

    public static ActivityCounts ToContract(this ActivityState state) => new()
    {
        Events = state.Events,
        Reads = state.Reads,
        Writes = state.Writes,
        Errors = state.Errors,
        DuplicatesIgnored = state.DuplicatesIgnored,
        ByAction = new Dictionary<string, long>(state.ByAction, StringComparer.Ordinal),
        ErrorCodes = new Dictionary<string, long>(state.ErrorCodes, StringComparer.Ordinal),
        Callers = new Dictionary<string, long>(state.Callers, StringComparer.Ordinal),
        FirstAt = state.FirstAt,
        LastAt = state.LastAt,
        Recent = [.. state.Recent.Select(ToContract)],
        UnresolvedTargets = state.UnresolvedTargets,
    };

    private static ChannelAudit ToContract(this ChannelState state) => new()
    {
        Enabled = state.Enabled,
        LastChange = state.LastChange.ToContract(),
        Deleted = state.Deleted.ToContract(),
        Changes = state.Changes,
        EnabledBy = state.EnabledBy.ToContract(),
    };

    private static ResourceAudit ToContract(this ResourceState state) => new()
    {
        Created = state.Created.ToContract(),
        LastUpdate = state.LastUpdate.ToContract(),
        Deleted = state.Deleted.ToContract(),
        Updates = state.Updates,
        Version = state.Version,
    };

    internal static Abstractions.Contracts.Change? ToContract(this StateChange? change) =>
        change is null ? null : new(change.At, change.By, change.EventId, change.EventName);

    private static Abstractions.Contracts.RecentEvent ToContract(StateRecent e) =>
        new(e.At, e.EventId, e.EventName, e.Caller, e.ErrorCode, e.ResourceId, e.SourceIpAddress, e.UnresolvedTarget);
}
