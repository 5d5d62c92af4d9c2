using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Api.Resources;
using PinpointAggregator.Api.V1;
using static PinpointAggregator.Api.Mapping.ProtoTime;

namespace PinpointAggregator.Api.Mapping;

/// <summary>An application's audit state (the grain's contract) as the API's <see cref="Application"/> message.</summary>
internal static class ApplicationMapping
{
    public static Application ToProto(this ApplicationAudit audit)
    {
        var message = new Application
        {
            Name = ApplicationName.Format(audit.Account, audit.Region, audit.ApplicationId),
            Account = audit.Account,
            Region = audit.Region,
            ApplicationId = audit.ApplicationId,
            DisplayName = audit.Name ?? string.Empty,
            NamedBy = audit.NamedBy.ToProto(),
            Created = audit.Created.ToProto(),
            Deleted = audit.Deleted.ToProto(),
            EventStream = new V1.EventStreamAudit
            {
                Active = audit.EventStream.Active,
                DestinationStreamArn = audit.EventStream.DestinationStreamArn ?? string.Empty,
                LastPut = audit.EventStream.LastPut.ToProto(),
                LastDelete = audit.EventStream.LastDelete.ToProto(),
            },
            Settings = new V1.SettingsAudit { LastChange = audit.Settings.LastChange.ToProto(), Changes = audit.Settings.Changes },
            Activity = audit.Activity.ToProto(),
        };
        foreach (var (type, channel) in audit.Channels)
        {
            var mapped = new V1.ChannelAudit
            {
                EnabledBy = channel.EnabledBy.ToProto(),
                LastChange = channel.LastChange.ToProto(),
                Deleted = channel.Deleted.ToProto(),
                Changes = channel.Changes,
            };
            if (channel.Enabled is { } enabled)
            {
                mapped.Enabled = enabled;
            }

            message.Channels[type] = mapped;
        }

        Add(message.Campaigns, audit.Campaigns);
        Add(message.Segments, audit.Segments);
        Add(message.ImportJobs, audit.ImportJobs);
        return message;
    }

    public static V1.Change? ToProto(this Abstractions.Contracts.Change? change) => change is null ? null : new V1.Change
    {
        Time = ToTimestamp(change.At),
        By = change.By,
        EventId = change.EventId,
        EventName = change.EventName,
    };

    private static Activity ToProto(this ActivityCounts counts)
    {
        var activity = new Activity
        {
            Events = counts.Events,
            Reads = counts.Reads,
            Writes = counts.Writes,
            Errors = counts.Errors,
            DuplicatesIgnored = counts.DuplicatesIgnored,
            UnresolvedTargets = counts.UnresolvedTargets,
            FirstEventTime = ToTimestamp(counts.FirstAt),
            LastEventTime = ToTimestamp(counts.LastAt),
        };
        Copy(activity.ByAction, counts.ByAction);
        Copy(activity.ErrorCodes, counts.ErrorCodes);
        Copy(activity.Callers, counts.Callers);
        activity.Recent.AddRange(counts.Recent.Select(r => new V1.RecentEvent
        {
            Time = ToTimestamp(r.At),
            EventId = r.EventId,
            EventName = r.EventName,
            Caller = r.Caller,
            ErrorCode = r.ErrorCode ?? string.Empty,
            ResourceId = r.ResourceId ?? string.Empty,
            SourceIp = r.SourceIpAddress ?? string.Empty,
        }));
        return activity;
    }

    private static void Copy(Google.Protobuf.Collections.MapField<string, long> target, IReadOnlyDictionary<string, long> source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }

    private static void Add(Google.Protobuf.Collections.MapField<string, V1.ResourceAudit> target, IReadOnlyDictionary<string, Abstractions.Contracts.ResourceAudit> source)
    {
        foreach (var (id, resource) in source)
        {
            var mapped = new V1.ResourceAudit
            {
                Created = resource.Created.ToProto(),
                LastUpdate = resource.LastUpdate.ToProto(),
                Deleted = resource.Deleted.ToProto(),
                Updates = resource.Updates,
            };
            if (resource.Version is { } version)
            {
                mapped.Version = version;
            }

            target[id] = mapped;
        }
    }
}
