using Orleans.Concurrency;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Abstractions.Grains;

/// <summary>
/// One AWS account (key: the 12-digit account id): its credentials' health, where its trails are, which
/// regions they cover (discovered by a delimiter listing of its <c>CloudTrail/</c> prefix), and the
/// Pinpoint events that address no application.
/// </summary>
[Alias("pa.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds a trail location for this account and starts its discovery schedule. Idempotent. Prefixes it
    /// discovers read from <paramref name="backfillFrom"/> (the configured start, or when the service first
    /// started), so an account or region found late loses none of its first files.
    /// </summary>
    [Alias("Track")]
    Task TrackAsync(TrailLocation location, DateTime backfillFrom);

    /// <summary>Lists the account's regions now and starts a prefix grain for each new one.</summary>
    [Alias("DiscoverNow")]
    Task DiscoverNowAsync();

    /// <summary>
    /// A notification named a prefix of this account, in <paramref name="region"/>, that discovery has not started: lists
    /// the account's regions at once, unless a round ran within <c>Ingestion:Notifications:HintedDiscoveryGap</c> (a
    /// minute; then when it ends); an account not tracked yet asks the organization's discovery the same. Nothing is done
    /// for an account whose listings fail (it keeps its backoff) or for a region past <c>MaxRegionsPerAccount</c>.
    /// </summary>
    /// <remarks>
    /// One-way: the caller (a prefix grain in a notification's call) never waits, so it cannot wait on a discovery round
    /// that is itself waiting on the caller (to start the prefix).
    /// </remarks>
    [Alias("DiscoverSoon"), OneWay]
    Task DiscoverSoonAsync(string region);

    /// <summary>
    /// Applies account-level events and retractions idempotently. An event that cannot be applied is
    /// returned with its reason; the rest of the batch is applied.
    /// </summary>
    [Alias("ApplyAccountEvents")]
    Task<ApplyResult> ApplyAccountEventsAsync(EventBatch batch);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<AccountStatus> GetStatusAsync();

    /// <summary>
    /// First-pass progress of this account's prefixes. A prefix that has caught up once is remembered and
    /// not asked again, so a first pass costs each prefix a status call only until it is done.
    /// </summary>
    [Alias("GetProgress"), AlwaysInterleave]
    Task<IngestionProgressCounts> GetProgressAsync();

    /// <summary>The account-level events in the <c>scan</c> summary format (<c>no_application_id</c>): the offline scan's projection.</summary>
    [Alias("GetSummary"), AlwaysInterleave]
    Task<NoApplicationSummary> GetSummaryAsync();
}
