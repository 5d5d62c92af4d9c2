namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// The organization's applications as one ordered, filterable list, kept by the audit store beside each
/// application's state: listing 10,000 applications reads one index page, not 10,000 grains.
/// </summary>
public interface IApplicationDirectory
{
    /// <summary>
    /// Up to <paramref name="limit"/> listings matching <paramref name="query"/>, ordered by (account, region,
    /// application id), strictly after <paramref name="after"/> (that order's key) when given.
    /// </summary>
    Task<IReadOnlyList<ApplicationListing>> ListAsync(ApplicationQuery query, (string Account, string Region, string ApplicationId)? after, int limit, CancellationToken cancellationToken);
}
