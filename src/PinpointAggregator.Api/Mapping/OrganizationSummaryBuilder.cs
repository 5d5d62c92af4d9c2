using System.Globalization;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Mapping;

/// <summary>
/// Adds up the organization summary: applications from the directory, account-level events from the account
/// grains. Events, errors, actions, error codes and callers count both; applications alive and deleted count
/// the directory's listings.
/// </summary>
internal sealed class OrganizationSummaryBuilder
{
    private readonly Dictionary<string, long> _byAction = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _errorCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _callers = new(StringComparer.Ordinal);
    private readonly OrganizationSummary _summary = new();

    /// <summary>The newest event counted: where the events-by-day window ends.</summary>
    public DateTime? NewestEventAt { get; private set; }

    public void Add(ApplicationListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (listing.Deleted)
        {
            _summary.ApplicationsDeleted++;
        }
        else
        {
            _summary.ApplicationsAlive++;
        }

        _summary.Events += listing.Events;
        _summary.Errors += listing.Errors;
        Merge(_byAction, listing.ByAction);
        Merge(_errorCodes, listing.ErrorCodes);
        Merge(_callers, listing.Callers);
        Newest(listing.LastEventAt);
    }

    public void AddAccountLevel(ActivityCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _summary.Events += counts.Events;
        _summary.Errors += counts.Errors;
        _summary.AccountLevelEvents += counts.Events;
        _summary.UnresolvedTargets += counts.UnresolvedTargets;
        Merge(_byAction, counts.ByAction);
        Merge(_errorCodes, counts.ErrorCodes);
        Merge(_callers, counts.Callers);
        Newest(counts.LastAt);
    }

    public OrganizationSummary Build(int accounts, int regions, IEnumerable<(DateOnly Day, long Events)> days, int topCallers, DateTime? lastDiscovery)
    {
        _summary.Accounts = accounts;
        _summary.Regions = regions;
        _summary.LastDiscoveryTime = ProtoTime.ToTimestamp(lastDiscovery);
        _summary.EventsByAction.Add(_byAction);
        _summary.ErrorsByCode.Add(_errorCodes);
        _summary.EventsByDay.AddRange(days.OrderBy(d => d.Day).Select(d => new DayCount
        {
            Day = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Events = d.Events,
        }));
        _summary.TopCallers.AddRange(_callers
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(topCallers)
            .Select(c => new CallerCount { Caller = c.Key, Events = c.Value }));
        return _summary;
    }

    private void Newest(DateTime? time)
    {
        if (time is { } t && (NewestEventAt is null || t > NewestEventAt))
        {
            NewestEventAt = t;
        }
    }

    private static void Merge(Dictionary<string, long> into, IReadOnlyDictionary<string, long> counts)
    {
        foreach (var (key, count) in counts)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }
}
