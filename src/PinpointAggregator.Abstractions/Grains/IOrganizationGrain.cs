using Orleans.Concurrency;
using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Abstractions.Grains;

/// <summary>
/// Organization discovery (one grain, key <see cref="DefaultKey"/>): lists <c>AWSLogs/[o-ORGID/]</c> in
/// every configured bucket and tracks each account it finds, plus the configured ones, minus exclusions.
/// </summary>
[Alias("pa.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    public const string DefaultKey = "organization";

    /// <summary>Starts the discovery schedule. Idempotent.</summary>
    [Alias("Start")]
    Task StartAsync();

    [Alias("DiscoverNow")]
    Task DiscoverNowAsync();

    /// <summary>
    /// A notification named an account that discovery does not track yet: lists the buckets at once, unless a round ran
    /// within <c>Ingestion:Notifications:HintedDiscoveryGap</c> (a minute; then when it ends).
    /// </summary>
    /// <remarks>
    /// One-way: the caller (a prefix grain in a notification's call, or an account grain) never waits, so it cannot
    /// wait on a discovery round that is itself waiting on the caller (to start the prefix, to track the account).
    /// </remarks>
    [Alias("DiscoverSoon"), OneWay]
    Task DiscoverSoonAsync();

    [Alias("GetStatus"), AlwaysInterleave]
    Task<OrganizationStatus> GetStatusAsync();

    /// <summary>
    /// First-pass progress summed over every account (<see cref="IAccountGrain.GetProgressAsync"/>); callers
    /// within a second share one walk, so a reporter on every silo costs one.
    /// </summary>
    [Alias("GetProgress"), AlwaysInterleave]
    Task<IngestionProgressCounts> GetProgressAsync();
}
