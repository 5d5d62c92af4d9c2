using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// Deduplicates events and keeps <see cref="ActivityState"/> equal to a fold over the set of distinct
/// events, whatever order they arrive in.
/// </summary>
/// <remarks>
/// Counts are sums, so a replaced event's contribution is subtracted before its replacement is added.
/// First and last activity are a min and a max and cannot be taken back; an addendum re-sends the same
/// event, with the same time, so they stay exact in practice. The recent list is the top N of the set by
/// (time, id), which is also order independent.
/// </remarks>
public static class ActivityLedger
{
    public static ApplyOutcome Record(ActivityState counts, Dictionary<string, EventStamp> seen, AuditEvent e, int recentLimit)
    {
        var outcome = ApplyOutcome.New;
        if (seen.TryGetValue(e.DeduplicationId, out var previous))
        {
            if (!previous.IsSupersededBy(e))
            {
                counts.DuplicatesIgnored++;
                return ApplyOutcome.Duplicate;
            }

            if (previous.Counted)
            {
                counts.DuplicatesIgnored++;
                Uncount(counts, previous, e.DeduplicationId);
                outcome = ApplyOutcome.Replaced;
            }
        }

        var stamp = EventStamp.Of(e);
        seen[e.DeduplicationId] = stamp;
        Count(counts, stamp, +1);
        var at = e.Key.Time;
        counts.FirstAt = counts.FirstAt is { } first && first <= at ? first : at;
        counts.LastAt = counts.LastAt is { } last && last >= at ? last : at;
        AddRecent(counts.Recent, new RecentEvent(at, e.DeduplicationId, e.EventName, e.Caller.DisplayName, e.ErrorCode, e.Target.ResourceId, e.SourceIpAddress, e.Target.UnresolvedApplicationId), recentLimit);
        return outcome;
    }

    /// <summary>
    /// Takes back what the event counted here, because a delivery that supersedes it was counted at
    /// another target; leaves a tombstone so an original that arrives later counts nowhere.
    /// </summary>
    /// <returns>Whether a contribution was taken back.</returns>
    public static bool Retract(ActivityState counts, Dictionary<string, EventStamp> seen, Retraction retraction)
    {
        var previous = seen.GetValueOrDefault(retraction.DeduplicationId);
        if (previous is not null && !previous.IsSupersededBy(retraction.IsAddendum, retraction.At, retraction.EventId))
        {
            // What is kept here already wins over the retracting delivery: the router never sends this.
            return false;
        }

        seen[retraction.DeduplicationId] = EventStamp.Tombstone(retraction);
        if (previous is not { Counted: true })
        {
            return false;
        }

        Uncount(counts, previous, retraction.DeduplicationId);
        return true;
    }

    private static void Uncount(ActivityState counts, EventStamp previous, string deduplicationId)
    {
        Count(counts, previous, -1);
        counts.Recent.RemoveAll(r => r.EventId == deduplicationId);
    }

    private static void Count(ActivityState counts, EventStamp stamp, int sign)
    {
        counts.Events += sign;
        if (stamp.IsWrite)
        {
            counts.Writes += sign;
        }
        else
        {
            counts.Reads += sign;
        }

        Add(counts.ByAction, stamp.EventName, sign);
        Add(counts.Callers, stamp.Caller, sign);
        if (stamp.Unresolved)
        {
            counts.UnresolvedTargets += sign;
        }

        if (stamp.ErrorCode is { } code)
        {
            counts.Errors += sign;
            Add(counts.ErrorCodes, code, sign);
        }
    }

    private static void Add(Dictionary<string, long> counts, string key, int sign)
    {
        var value = counts.GetValueOrDefault(key) + sign;
        if (value == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = value;
        }
    }

    /// <summary>Keeps the list newest first by (time, id) and at most <paramref name="limit"/> long.</summary>
    private static void AddRecent(List<RecentEvent> recent, RecentEvent entry, int limit)
    {
        var index = recent.FindIndex(r => Newer(entry, r));
        if (index < 0)
        {
            index = recent.Count;
        }

        if (index >= limit)
        {
            return;
        }

        recent.Insert(index, entry);
        if (recent.Count > limit)
        {
            recent.RemoveAt(recent.Count - 1);
        }
    }

    private static bool Newer(RecentEvent a, RecentEvent b) => EventOrder.Compare(a.At, a.EventId, b.At, b.EventId) > 0;
}
