using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Grains.Audit;
using PinpointAggregator.Grains.EventStore;
using Orleans.Storage;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Accounts;

/// <inheritdoc cref="IAccountGrain"/>
/// <remarks>
/// The account's reads go through <see cref="ITrailObjectStoreFactory.Open"/> with this account, which
/// assumes its role (or uses the ambient chain) on the silo that reads; the grain's discovery listing is
/// the call that proves the credentials work, so its outcome is the account's health. Failures back off
/// with jitter and never block other accounts: each account is its own grain with its own schedule.
/// </remarks>
public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Audit)] IPersistentState<AccountState> state,
    IAuditStore audits,
    IOptions<IngestionOptions> options,
    ITrailObjectStoreFactory stores,
    IngestionMetrics metrics,
    TimeProvider time,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain, IRemindable
{
    private const string ReminderName = "discover";
    private readonly IngestionOptions _options = options.Value;
    private GrainSchedule? _timer;
    private readonly HintedDiscovery _hinted = new(options.Value.Notifications.HintedDiscoveryGap);
    private AuditFolder<AccountLevelState> _accountLevel = null!;

    /// <summary>Prefixes that have caught up once, with their files and events then (first-pass progress, in memory only).</summary>
    private readonly Dictionary<string, (long Files, long Events)> _firstPassDone = new(StringComparer.Ordinal);

    /// <summary>A discovery round that only moved its own times writes nothing (see <see cref="StateChanges{TState}"/>).</summary>
    private readonly StateChanges<AccountState> _changes = new("health.lastSuccessAt", "health.nextAttemptAt");

    private string Account => this.GetPrimaryKeyString();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _accountLevel = new AuditFolder<AccountLevelState>(audits, AuditTarget.OfAccount(Account));
        await _accountLevel.LoadAsync(cancellationToken);
        _changes.Saved(state.State);
        _timer = new GrainSchedule(this, DiscoverAsync);
        if (state.State.Locations.Count > 0)
        {
            ScheduleRound(state.State.Health.NextAttemptAt is { } next && next > Now ? next - Now : TimeSpan.Zero);
        }
    }

    public async Task TrackAsync(TrailLocation location, DateTime backfillFrom)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!state.State.Locations.Contains(location))
        {
            state.State.Locations.Add(location);
            state.State.BackfillFrom = backfillFrom;
            state.State.Health.RoleArn = stores.DescribeCredentials(location.Bucket, Account);
            await StaleActivation.WriteAsync(state, this, _timer, logger);
            ScheduleRound(TimeSpan.Zero);
        }

        // Called again on every discovery round or start; the schedule writes the reminder once.
        await _timer!.EnsureReminderAsync(ReminderName, _options.ReminderPeriod);
    }

    /// <summary>Brings the grain back after a restart, and re-arms discovery that is long overdue.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Health.NextAttemptAt is { } next && Now - next > _options.ReminderPeriod)
        {
            ScheduleRound(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public Task DiscoverNowAsync() => DiscoverAsync(CancellationToken.None);

    public Task DiscoverSoonAsync(string region)
    {
        if (state.State.Locations.Count == 0)
        {
            // Not tracked yet: the organization's discovery finds the account, and tracking it starts its discovery.
            return GrainFactory.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).DiscoverSoonAsync();
        }

        // A failing account keeps its backoff: a notification proves nothing about its credentials. A region the cap
        // refuses would be refused again: a round for it would only list the folders the account may multiply.
        if (state.State.Health.ConsecutiveFailures == 0 && !RegionCap.Refuses(state.State, _options, region) && _hinted.DelayFor(Now) is { } delay)
        {
            LogHinted(logger, Account, delay);
            state.State.Health.NextAttemptAt = Now + delay;
            ScheduleRound(delay);
        }

        return Task.CompletedTask;
    }

    public async Task<ApplyResult> ApplyAccountEventsAsync(EventBatch batch)
    {
        try
        {
            return await _accountLevel.ApplyAsync(
                batch,
                (level, seen, e) => ActivityLedger.Record(level.Activity, seen, e, _options.RecentEvents),
                (level, seen, r) => ActivityLedger.Retract(level.Activity, seen, r),
                CancellationToken.None);
        }
        catch (InconsistentStateException)
        {
            // Another activation committed first: this one's state is stale; let the next call activate afresh.
            StaleActivation.Retire(this, _timer);
            throw;
        }
    }

    public Task<AccountStatus> GetStatusAsync()
    {
        var health = state.State.Health;
        var status = new AccountStatus
        {
            Account = Account,
            Health = new AccountHealth
            {
                LastSuccessAt = health.LastSuccessAt,
                LastFailureAt = health.LastFailureAt,
                LastErrorCode = health.LastErrorCode,
                LastErrorMessage = health.LastErrorMessage,
                ConsecutiveFailures = health.ConsecutiveFailures,
                NextAttemptAt = health.NextAttemptAt,
                RoleArn = health.RoleArn,
            },
            AccountLevel = _accountLevel.State.Activity.ToContract(),
            Locations = [.. state.State.Locations],
            Prefixes = [.. state.State.Prefixes.Order(StringComparer.Ordinal)],
            RegionsIgnored = [.. state.State.RegionsIgnored.Order(StringComparer.Ordinal)],
        };
        return Task.FromResult(status);
    }

    public async Task<IngestionProgressCounts> GetProgressAsync()
    {
        // Only the prefixes still on their first pass are asked (status calls interleave with their polls).
        var open = state.State.Prefixes.Where(p => !_firstPassDone.ContainsKey(p)).ToList();
        var statuses = await Task.WhenAll(open.Select(p => GrainFactory.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));
        var (files, events) = (0L, 0L);
        foreach (var status in statuses)
        {
            var counts = (status.Counters.FilesRead + status.Counters.FilesQuarantined, status.Counters.Events);
            if (status.CaughtUp)
            {
                _firstPassDone[status.Key] = counts;
            }
            else
            {
                (files, events) = (files + counts.Item1, events + counts.Item2);
            }
        }

        var done = _firstPassDone.Where(p => state.State.Prefixes.Contains(p.Key)).Select(p => p.Value).ToList();
        var health = state.State.Health;
        return new IngestionProgressCounts
        {
            Accounts = 1,
            AccountsDiscovered = health.LastSuccessAt is not null || health.LastFailureAt is not null ? 1 : 0,
            Prefixes = state.State.Prefixes.Count,
            CaughtUp = done.Count,
            Files = files + done.Sum(d => d.Files),
            Events = events + done.Sum(d => d.Events),
        };
    }

    public Task<NoApplicationSummary> GetSummaryAsync()
    {
        return Task.FromResult(ScanProjection.Of(_accountLevel.State.Activity));
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        if (_timer!.Retired)
        {
            // A stale activation, deactivating: the next activation discovers from the stored state.
            return;
        }

        if (_options.ExcludedAccounts.Contains(Account))
        {
            // Excluded after it was tracked: stop this grain's schedule; its prefixes stop on their next poll.
            state.State.Health.LastErrorMessage = "The account is excluded by configuration (Ingestion:ExcludedAccounts).";
            await _timer!.StopReminderAsync(ReminderName);

            return;
        }

        _hinted.RoundRan(Now);
        var delay = _options.DiscoveryEvery;
        try
        {
            var prefixes = await ListPrefixesAsync(cancellationToken);
            var failed = state.State.Health.ConsecutiveFailures > 0;
            delay = failed ? Backoff.Delay(state.State.Health.ConsecutiveFailures, _options.RetryBaseDelay, _options.MaxRetryDelay) : delay;
            var start = new List<TrailPrefixKey>();
            foreach (var prefix in prefixes.Distinct())
            {
                // Region folders are written by the member account: past the cap, a new one is reported, not polled.
                var key = prefix.Format();
                if (!state.State.Prefixes.Contains(key) && RegionCap.Full(state.State, _options, prefix.Region))
                {
                    // Names kept (and logged) only up to the status list's length: the folders are the account's to multiply.
                    if (state.State.RegionsIgnored.Count < _options.QuarantineListLength && state.State.RegionsIgnored.Add(prefix.Region))
                    {
                        LogRegionIgnored(logger, Account, prefix.Region, _options.MaxRegionsPerAccount);
                    }

                    continue;
                }

                if (state.State.Prefixes.Add(key))
                {
                    // Reported as ignored before (the cap, or a region since published): read now, so no longer ignored.
                    state.State.RegionsIgnored.Remove(prefix.Region);
                    LogRegionFound(logger, Account, prefix.Region, prefix.Location.Bucket);
                }

                start.Add(prefix);
            }

            // Started together rather than one round trip after another; a prefix that could not be started now
            // is started on the next round, and never keeps the others from starting.
            var failures = await BoundedFanOut.RunAsync(start, BoundedFanOut.DefaultMaxInFlight, p => GrainFactory.GetGrain<ITrailPrefixGrain>(p.Format()).StartAsync(state.State.BackfillFrom));
            if (failures.Count > 0)
            {
                var (prefix, error) = failures[0];
                LogStartsFailed(logger, Account, failures.Count, prefix.Region, error.GetType().Name, error.Message);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A prefix that could not be started now is started on the next round.
            LogRoundFailed(logger, Account, e.GetType().Name, e.Message);
        }
        finally
        {
            // Re-armed whatever happens above; a one-shot timer that is not re-armed never fires again.
            state.State.Health.NextAttemptAt = Now + delay;
            ScheduleRound(delay);
        }

        if (_changes.Changed(state.State))
        {
            await StaleActivation.WriteAsync(state, this, _timer, logger);
            _changes.Saved(state.State);
        }
    }

    /// <summary>Arms the discovery timer, and tells the hints' rate limit when the next round is.</summary>
    private void ScheduleRound(TimeSpan delay)
    {
        _hinted.Scheduled(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay));
        _timer!.Arm(delay);
    }

    /// <summary>Configured regions, plus the regions a delimiter listing of each location's <c>CloudTrail/</c> finds.</summary>
    private async Task<List<TrailPrefixKey>> ListPrefixesAsync(CancellationToken cancellationToken)
    {
        var health = state.State.Health;
        var prefixes = new List<TrailPrefixKey>();
        string? failure = null;
        foreach (var location in state.State.Locations)
        {
            prefixes.AddRange(_options.Regions.Select(region => new TrailPrefixKey(location, Account, region)));
            try
            {
                var store = stores.Open(location.Bucket, Account);
                var regions = await ListRegionsAsync(store, location.Root.RegionsPrefix(Account), location.Bucket, cancellationToken);
                prefixes.AddRange(regions.Where(r => TrailNames.IsRegion(r)).Select(region => new TrailPrefixKey(location, Account, region)));
            }
            catch (TrailStoreException e)
            {
                failure = e.Code;
                (health.LastFailureAt, health.LastErrorCode, health.LastErrorMessage) = (Now, e.Code, e.Message);
                LogDiscoveryFailed(logger, Account, location.Bucket, e.Code);
            }
        }

        if (failure is null)
        {
            (health.LastSuccessAt, health.ConsecutiveFailures) = (Now, 0);
        }
        else
        {
            health.ConsecutiveFailures++;
        }

        return prefixes;
    }

    /// <summary>
    /// The region folders under <paramref name="regionsPrefix"/>, at most <c>Ingestion:MaxRegionListPages</c> pages
    /// of them. The member account writes these folders: when made-up ones fill the pages, every region AWS
    /// publishes that the listing did not reach is looked up on its own, so a flood costs a bounded number of
    /// LISTs a round and hides no real region.
    /// </summary>
    private async Task<List<string>> ListRegionsAsync(ITrailObjectStore store, string regionsPrefix, string bucket, CancellationToken cancellationToken)
    {
        void Count() => metrics.Request(RequestKinds.List);
        var (regions, truncated) = await DelimiterListing.ChildNamesAsync(store, regionsPrefix, _options.MaxRegionListPages, Count, cancellationToken);
        if (!truncated)
        {
            return regions;
        }

        LogRegionListingTruncated(logger, Account, bucket, regions.Count, _options.MaxRegionListPages);
        var listed = regions.ToHashSet(StringComparer.Ordinal);
        foreach (var region in AwsRegions.All.Where(r => !listed.Contains(r)).Order(StringComparer.Ordinal))
        {
            if (await DelimiterListing.AnyAsync(store, $"{regionsPrefix}{region}/", Count, cancellationToken))
            {
                regions.Add(region);
            }
        }

        return regions;
    }

    [LoggerMessage(16, LogLevel.Warning, "Account {Account}: its region folders in {Bucket} fill more than {Pages} listing pages ({Listed} names read; Ingestion:MaxRegionListPages); the regions AWS publishes are looked up one by one instead")]
    private static partial void LogRegionListingTruncated(ILogger logger, string account, string bucket, int listed, int pages);

    [LoggerMessage(10, LogLevel.Warning, "Account {Account}: listing regions in {Bucket} failed with {Code}; backing off")]
    private static partial void LogDiscoveryFailed(ILogger logger, string account, string bucket, string code);

    // Debug: 17,000 prefixes would log 17,000 lines at start; the organization's round summary is at Information.
    [LoggerMessage(11, LogLevel.Debug, "Account {Account}: reading region {Region} in {Bucket}")]
    private static partial void LogRegionFound(ILogger logger, string account, string region, string bucket);

    [LoggerMessage(13, LogLevel.Warning, "Account {Account}: region folder {Region} is not read: the account already has {Max} regions (Ingestion:MaxRegionsPerAccount)")]
    private static partial void LogRegionIgnored(ILogger logger, string account, string region, int max);

    [LoggerMessage(14, LogLevel.Warning, "Account {Account}: {Failed} prefixes could not be started (first: {Region}, {Kind}: {Message}); trying again next round")]
    private static partial void LogStartsFailed(ILogger logger, string account, int failed, string region, string kind, string message);

    [LoggerMessage(12, LogLevel.Warning, "Account {Account}: a discovery round failed with {Kind}: {Message}; trying again next round")]
    private static partial void LogRoundFailed(ILogger logger, string account, string kind, string message);

    [LoggerMessage(15, LogLevel.Debug, "Account {Account}: a notification named a region not started yet: discovering in {Delay}")]
    private static partial void LogHinted(ILogger logger, string account, TimeSpan delay);
}
