using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Queries;

/// <summary>
/// Gathers the organization summary over some accounts: discovery and account status from the grains, the
/// applications from the directory (one index walk, no application grain is called), events by day from the
/// event store.
/// </summary>
internal sealed class OrganizationSummaryQuery(IGrainFactory grains, IApplicationDirectory directory, IEventQueries events)
{
    /// <param name="accounts">The accounts to sum; null for every account.</param>
    /// <param name="days">The width of the events-by-day window, ending with the newest event's day.</param>
    /// <param name="topCallers">How many callers to list.</param>
    /// <param name="cancellationToken">The call's.</param>
    public async Task<OrganizationSummary> RunAsync(IReadOnlyCollection<string>? accounts, int days, int topCallers, CancellationToken cancellationToken)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).GetStatusAsync();
        var included = organization.Accounts.Where(a => accounts is null || accounts.Contains(a)).ToList();
        var statuses = await Task.WhenAll(included.Select(a => grains.GetGrain<IAccountGrain>(a).GetStatusAsync()));
        var builder = new OrganizationSummaryBuilder();
        foreach (var status in statuses)
        {
            builder.AddAccountLevel(status.AccountLevel);
        }

        await foreach (var listing in DirectoryWalk.AllAsync(directory, new ApplicationQuery { Accounts = accounts }, cancellationToken))
        {
            builder.Add(listing);
        }

        IReadOnlyList<(DateOnly Day, long Events)> byDay = [];
        if (builder.NewestEventAt is { } newest)
        {
            var until = newest.Date.AddDays(1);
            byDay = await events.CountByDayAsync(accounts, until.AddDays(-days), until, cancellationToken);
        }

        var regions = statuses.SelectMany(s => s.Prefixes).Select(p => TrailPrefixKey.Parse(p).Region).Distinct(StringComparer.Ordinal).Count();
        return builder.Build(included.Count, regions, byDay, topCallers, organization.LastDiscoveryAt);
    }
}
