using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// Folds one event into an application's audit state. Counts go through <see cref="ActivityLedger"/>;
/// successful write calls also update the lifecycle, channel, resource, event-stream and settings
/// registers.
/// </summary>
public static class ApplicationAuditor
{
    public static ApplyOutcome Apply(ApplicationAuditState audit, Dictionary<string, EventStamp> seen, AuditEvent e, int recentLimit)
    {
        // A delivery of this id that failed (or was a read) never counted as a change, so an addendum that
        // succeeds where its original failed counts once, whichever of the two arrives first.
        var countedBefore = seen.TryGetValue(e.DeduplicationId, out var previous) && previous.Counted && previous.ErrorCode is null && previous.IsWrite;
        var outcome = ActivityLedger.Record(audit.Activity, seen, e, recentLimit);
        ApplyName(audit, e);
        if (outcome == ApplyOutcome.Duplicate || e.Failed || !e.IsWrite)
        {
            return outcome;
        }

        var change = Change.Of(e);
        var isNew = !countedBefore;
        switch (e.Target.Resource)
        {
            case PinpointResource.Application:
                ApplyLifecycle(audit, e, change);
                break;
            case PinpointResource.ApplicationSettings:
                audit.Settings.Changes += isNew ? 1 : 0;
                audit.Settings.LastChange = ChangeRegister.IsLater(audit.Settings.LastChange, change) ? change : audit.Settings.LastChange;
                break;
            case PinpointResource.EventStream:
                ApplyEventStream(audit.EventStream, e, change);
                break;
            case PinpointResource.Channel when e.Target.Channel is { } channel:
                ApplyChannel(Entry(audit.Channels, channel.ToString(), () => new ChannelState()), e, change, isNew);
                break;
            case PinpointResource.Campaign when e.Target.ResourceId is { } id:
                ApplyResource(Entry(audit.Campaigns, id, () => new ResourceState()), e, change, isNew);
                break;
            case PinpointResource.Segment when e.Target.ResourceId is { } id:
                ApplyResource(Entry(audit.Segments, id, () => new ResourceState()), e, change, isNew);
                break;
            case PinpointResource.ImportJob when e.Target.ResourceId is { } id:
                ApplyResource(Entry(audit.ImportJobs, id, () => new ResourceState()), e, change, isNew);
                break;
        }

        return outcome;
    }

    /// <summary>
    /// The name is taken from every successful CreateApp delivery that shows it, duplicates included: an
    /// original and its addendum can differ only in whether CloudTrail redacted the name, and a register that
    /// ignores unnamed deliveries then ends the same whichever arrives first.
    /// </summary>
    private static void ApplyName(ApplicationAuditState audit, AuditEvent e)
    {
        if (e.EventName == "CreateApp" && !e.Failed && e.Details.Name is { } name && Change.Of(e) is var change && ChangeRegister.IsLater(audit.NamedBy, change))
        {
            (audit.Name, audit.NamedBy) = (name, change);
        }
    }

    private static void ApplyLifecycle(ApplicationAuditState audit, AuditEvent e, Change change)
    {
        if (e.EventName == "CreateApp")
        {
            audit.Created = ChangeRegister.IsEarlier(audit.Created, change) ? change : audit.Created;
        }
        else if (e.EventName == "DeleteApp")
        {
            audit.Deleted = ChangeRegister.IsLater(audit.Deleted, change) ? change : audit.Deleted;
        }
    }

    private static void ApplyEventStream(EventStreamState stream, AuditEvent e, Change change)
    {
        if (e.EventName == "PutEventStream" && ChangeRegister.IsLater(stream.LastPut, change))
        {
            (stream.LastPut, stream.DestinationStreamArn) = (change, e.Details.DestinationStreamArn);
        }
        else if (e.EventName == "DeleteEventStream" && ChangeRegister.IsLater(stream.LastDelete, change))
        {
            stream.LastDelete = change;
        }
    }

    private static void ApplyChannel(ChannelState channel, AuditEvent e, Change change, bool isNew)
    {
        channel.Changes += isNew ? 1 : 0;
        var deleting = e.EventName.StartsWith("Delete", StringComparison.Ordinal);
        if (deleting && ChangeRegister.IsLater(channel.Deleted, change))
        {
            channel.Deleted = change;
        }

        channel.LastChange = ChangeRegister.IsLater(channel.LastChange, change) ? change : channel.LastChange;

        // Enabled is what the latest call that said something about it said; a delete says false.
        if ((deleting || e.Details.Enabled is not null) && ChangeRegister.IsLater(channel.EnabledBy, change))
        {
            (channel.Enabled, channel.EnabledBy) = (!deleting && e.Details.Enabled!.Value, change);
        }
    }

    private static void ApplyResource(ResourceState resource, AuditEvent e, Change change, bool isNew)
    {
        if (e.EventName.StartsWith("Create", StringComparison.Ordinal))
        {
            resource.Created = ChangeRegister.IsEarlier(resource.Created, change) ? change : resource.Created;
        }
        else if (e.EventName.StartsWith("Delete", StringComparison.Ordinal))
        {
            resource.Deleted = ChangeRegister.IsLater(resource.Deleted, change) ? change : resource.Deleted;
        }
        else
        {
            resource.Updates += isNew ? 1 : 0;
            resource.LastUpdate = ChangeRegister.IsLater(resource.LastUpdate, change) ? change : resource.LastUpdate;
        }

        if (e.Details.Version is { } version && (resource.Version is null || version > resource.Version))
        {
            resource.Version = version;
        }
    }

    private static T Entry<T>(Dictionary<string, T> entries, string key, Func<T> create)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            entry = create();
            entries.Add(key, entry);
        }

        return entry;
    }
}
