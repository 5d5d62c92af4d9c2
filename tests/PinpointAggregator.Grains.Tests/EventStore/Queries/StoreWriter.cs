using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.Applications;
using PinpointAggregator.Grains.Audit;
using PinpointAggregator.Grains.EventStore;

namespace PinpointAggregator.Grains.Tests.EventStore.Queries;

/// <summary>
/// Commits events to an audit store the way the grains do: one <see cref="AuditFolder{TState}"/> per
/// target running the application fold, an application's listing mapped from its state as the
/// application grain maps it.
/// </summary>
internal sealed class StoreWriter(IAuditStore store)
{
    private readonly Dictionary<string, AuditFolder<ApplicationState>> _folders = new(StringComparer.Ordinal);

    public async Task CommitAsync(AuditTarget target, params AuditEvent[] events) => await ApplyAsync(await FolderAsync(target), EventBatch.Of(events));

    /// <summary>Takes an event back from <paramref name="target"/>, as the router does when its addendum resolved elsewhere.</summary>
    public async Task RetractAsync(AuditTarget target, Retraction retraction) => await ApplyAsync(await FolderAsync(target), new EventBatch([], [retraction]));

    public async Task CommitAllAsync(IEnumerable<(AuditTarget Target, AuditEvent Event)> events)
    {
        foreach (var group in events.GroupBy(e => e.Target))
        {
            await CommitAsync(group.Key, [.. group.Select(e => e.Event)]);
        }
    }

    /// <summary>A folder of its own (a second activation of the target, for conflict tests).</summary>
    public static async Task<AuditFolder<ApplicationState>> LoadAsync(IAuditStore store, AuditTarget target)
    {
        var folder = new AuditFolder<ApplicationState>(store, target, target.ApplicationId is null ? null : state => Named(state.Audit, target).ToListing());
        await folder.LoadAsync(default);
        return folder;
    }

    public static Task<ApplyResult> ApplyAsync(AuditFolder<ApplicationState> folder, EventBatch batch) => folder.ApplyAsync(
        batch,
        (state, seen, e) => ApplicationAuditor.Apply(state.Audit, seen, e, recentLimit: 10),
        (state, seen, r) => ActivityLedger.Retract(state.Audit.Activity, seen, r),
        default);

    private async Task<AuditFolder<ApplicationState>> FolderAsync(AuditTarget target)
    {
        if (!_folders.TryGetValue(target.Key, out var folder))
        {
            folder = await LoadAsync(store, target);
            _folders[target.Key] = folder;
        }

        return folder;
    }

    private static ApplicationAuditState Named(ApplicationAuditState audit, AuditTarget target)
    {
        (audit.Account, audit.Region, audit.ApplicationId) = (target.Account, target.Region!, target.ApplicationId!);
        return audit;
    }
}
