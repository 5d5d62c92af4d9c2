using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Organization;

/// <inheritdoc cref="IOrganizationGrain"/>
public sealed partial class OrganizationGrain(
    [PersistentState("organization", StorageNames.Audit)] IPersistentState<OrganizationState> state,
    IOptions<IngestionOptions> options,
    ITrailObjectStoreFactory stores,
    IngestionMetrics metrics,
    TimeProvider time,
    ILogger<OrganizationGrain> logger) : Grain, IOrganizationGrain, IRemindable
{
    private const string ReminderName = "discover";
    private readonly IngestionOptions _options = options.Value;
    private GrainSchedule? _timer;
    private readonly HintedDiscovery _hinted = new(options.Value.Notifications.HintedDiscoveryGap);
    private (Task<IngestionProgressCounts> Walk, DateTime TakenAt)? _progress;

    /// <summary>A discovery round that found nothing new writes nothing (see <see cref="StateChanges{TState}"/>).</summary>
    private readonly StateChanges<OrganizationState> _changes = new("lastDiscoveryAt");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _changes.Saved(state.State);
        _timer = new GrainSchedule(this, DiscoverAsync);
        if (state.State.Started)
        {
            ScheduleRound(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task StartAsync()
    {
        // RecordExists: a first start whose write failed left Started set in memory only, and is done again.
        if (!state.State.Started || !state.RecordExists)
        {
            (state.State.Started, state.State.StartedAt) = (true, time.GetUtcNow().UtcDateTime);
            await StaleActivation.WriteAsync(state, this, _timer, logger);
            ScheduleRound(TimeSpan.Zero);
        }

        // Called again on every discovery round or start; the schedule writes the reminder once.
        await _timer!.EnsureReminderAsync(ReminderName, _options.ReminderPeriod);
    }

    /// <summary>Brings the grain back after a restart, and re-arms discovery that is long overdue.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.LastDiscoveryAt is { } last && time.GetUtcNow().UtcDateTime - last > _options.DiscoveryEvery + _options.ReminderPeriod)
        {
            ScheduleRound(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public Task DiscoverNowAsync() => DiscoverAsync(CancellationToken.None);

    public Task DiscoverSoonAsync()
    {
        if (state.State.Started && _hinted.DelayFor(time.GetUtcNow().UtcDateTime) is { } delay)
        {
            LogHinted(logger, delay);
            ScheduleRound(delay);
        }

        return Task.CompletedTask;
    }

    public Task<OrganizationStatus> GetStatusAsync()
    {
        return Task.FromResult(new OrganizationStatus
        {
            LastDiscoveryAt = state.State.LastDiscoveryAt,
            LastError = state.State.LastError,
            Accounts = [.. state.State.Accounts.Order(StringComparer.Ordinal)],
            ExcludedAccounts = [.. _options.ExcludedAccounts],
        });
    }

    public Task<IngestionProgressCounts> GetProgressAsync()
    {
        // One walk over the accounts serves every caller within a second (a reporter runs on each silo).
        if (_progress is not { } last || (last.Walk.IsCompleted && time.GetUtcNow().UtcDateTime - last.TakenAt > TimeSpan.FromSeconds(1)))
        {
            _progress = (WalkProgressAsync(), time.GetUtcNow().UtcDateTime);
        }

        return _progress.Value.Walk;
    }

    private async Task<IngestionProgressCounts> WalkProgressAsync()
    {
        var accounts = state.State.Accounts.ToList();
        var parts = new IngestionProgressCounts[accounts.Count];
        var failures = await BoundedFanOut.RunAsync(
            Enumerable.Range(0, accounts.Count),
            BoundedFanOut.DefaultMaxInFlight,
            async i => parts[i] = await GrainFactory.GetGrain<IAccountGrain>(accounts[i]).GetProgressAsync());
        if (failures.Count > 0)
        {
            // Progress is a report: a missing account makes it incomplete, never wrong; the caller tries again.
            throw new InvalidOperationException($"{failures.Count} accounts did not report progress: {failures[0].Error.Message}", failures[0].Error);
        }

        return IngestionProgressCounts.Sum(parts) with { Discovered = state.State.LastDiscoveryAt is not null };
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        if (_timer!.Retired)
        {
            // A stale activation, deactivating: the next activation discovers from the stored state.
            return;
        }

        _hinted.RoundRan(time.GetUtcNow().UtcDateTime);
        var errors = new List<string>();
        var backfillFrom = _options.StartFrom?.ToUniversalTime() ?? state.State.StartedAt;
        try
        {
            state.State.Accounts.ExceptWith(_options.ExcludedAccounts);
            var found = new List<(string Account, TrailLocation Location)>();
            foreach (var bucket in _options.Buckets)
            {
                found.AddRange(await FindAsync(bucket, errors, cancellationToken));
            }

            var added = 0;
            foreach (var (account, location) in found)
            {
                if (state.State.Accounts.Add(account))
                {
                    added++;
                    LogAccountFound(logger, account, location.ToString());
                }
            }

            // Tracked together, a bounded number at a time: one by one, 1,000 accounts took 1,000 round trips in
            // a row (each a state and a reminder write the first time). One that does not answer (a timeout)
            // never holds up the others; the next round tracks it again.
            var failures = await BoundedFanOut.RunAsync(found, BoundedFanOut.DefaultMaxInFlight, f => GrainFactory.GetGrain<IAccountGrain>(f.Account).TrackAsync(f.Location, backfillFrom));
            errors.AddRange(failures.Select(f => $"{f.Item.Account}: {f.Error.GetType().Name}: {f.Error.Message}"));
            LogRound(logger, found.Select(f => f.Account).Distinct().Count(), added, failures.Count);
        }
        finally
        {
            // Re-armed whatever happens above; a one-shot timer that is not re-armed never fires again.
            ScheduleRound(_options.DiscoveryEvery);
        }

        (state.State.LastDiscoveryAt, state.State.LastError) = (time.GetUtcNow().UtcDateTime, errors.Count == 0 ? null : string.Join("; ", errors));
        if (_changes.Changed(state.State))
        {
            await StaleActivation.WriteAsync(state, this, _timer, logger);
            _changes.Saved(state.State);
        }
    }

    /// <summary>Arms the discovery timer, and tells the hints' rate limit when the next round is.</summary>
    private void ScheduleRound(TimeSpan delay)
    {
        _hinted.Scheduled(time.GetUtcNow().UtcDateTime + delay);
        _timer!.Arm(delay);
    }

    /// <summary>The accounts in one bucket, minus exclusions; a failing bucket adds its error and finds none.</summary>
    private async Task<IEnumerable<(string Account, TrailLocation Location)>> FindAsync(TrailBucketOptions bucket, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            var store = stores.Open(bucket.Name, account: null);
            var found = await AccountDiscovery.FindAsync(store, bucket, _options.Accounts, () => metrics.Request(RequestKinds.List), cancellationToken);
            return found.Where(f => !_options.ExcludedAccounts.Contains(f.Account));
        }
        catch (TrailStoreException e)
        {
            // One bucket failing does not stop discovery in the others; the next round tries again.
            errors.Add($"{bucket.Name}: {e.Code}: {e.Message}");
            LogDiscoveryFailed(logger, bucket.Name, e.Code);
            return [];
        }
    }

    // Per account at Debug: a first round over a large organization would log a thousand lines; the round's summary is at Information.
    [LoggerMessage(20, LogLevel.Debug, "Found account {Account} at {Location}")]
    private static partial void LogAccountFound(ILogger logger, string account, string location);

    [LoggerMessage(22, LogLevel.Information, "Discovery round: {Accounts} accounts ({New} new), {Failed} not reached (tried again next round)")]
    private static partial void LogRound(ILogger logger, int accounts, int @new, int failed);

    [LoggerMessage(21, LogLevel.Warning, "Discovering accounts in bucket {Bucket} failed with {Code}; trying again next round")]
    private static partial void LogDiscoveryFailed(ILogger logger, string bucket, string code);

    [LoggerMessage(23, LogLevel.Debug, "A notification named an account not tracked yet: discovering in {Delay}")]
    private static partial void LogHinted(ILogger logger, TimeSpan delay);
}
