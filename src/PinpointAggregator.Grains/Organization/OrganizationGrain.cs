using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timer = new GrainSchedule(this, DiscoverAsync);
        if (state.State.Started)
        {
            _timer.Arm(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task StartAsync()
    {
        if (!state.State.Started)
        {
            state.State.Started = true;
            await state.WriteStateAsync();
            _timer!.Arm(TimeSpan.Zero);
        }

        // Called again on every discovery round or start; the schedule writes the reminder once.
        await _timer!.EnsureReminderAsync(ReminderName, _options.ReminderPeriod);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task DiscoverNowAsync() => DiscoverAsync(CancellationToken.None);

    public Task<OrganizationStatus> GetStatusAsync()
    {
        var status = new OrganizationStatus { LastDiscoveryAt = state.State.LastDiscoveryAt, LastError = state.State.LastError };
        status.Accounts.AddRange(state.State.Accounts.Order(StringComparer.Ordinal));
        status.ExcludedAccounts.AddRange(_options.ExcludedAccounts);
        return Task.FromResult(status);
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        string? error = null;
        foreach (var bucket in _options.Buckets)
        {
            try
            {
                var store = stores.Open(bucket.Name, account: null);
                var found = await AccountDiscovery.FindAsync(store, bucket, _options.Accounts, () => metrics.Request(RequestKinds.List), cancellationToken);
                foreach (var (account, location) in found.Where(f => !_options.ExcludedAccounts.Contains(f.Account)))
                {
                    if (state.State.Accounts.Add(account))
                    {
                        LogAccountFound(logger, account, location.ToString());
                    }

                    await GrainFactory.GetGrain<IAccountGrain>(account).TrackAsync(location);
                }
            }
            catch (TrailStoreException e)
            {
                // One bucket failing does not stop discovery in the others; the next round tries again.
                error = $"{bucket.Name}: {e.Code}: {e.Message}";
                LogDiscoveryFailed(logger, bucket.Name, e.Code);
            }
        }

        (state.State.LastDiscoveryAt, state.State.LastError) = (time.GetUtcNow().UtcDateTime, error);
        await state.WriteStateAsync(CancellationToken.None);
        _timer!.Arm(_options.DiscoveryInterval);
    }

    [LoggerMessage(20, LogLevel.Information, "Found account {Account} at {Location}")]
    private static partial void LogAccountFound(ILogger logger, string account, string location);

    [LoggerMessage(21, LogLevel.Warning, "Discovering accounts in bucket {Bucket} failed with {Code}; trying again next round")]
    private static partial void LogDiscoveryFailed(ILogger logger, string bucket, string code);
}
