using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Sends one file's events to the grains that own them: each application grain gets its events in one
/// call; events with no application go to the account grain. Completes only when every grain has them.
/// </summary>
internal static class FileApplier
{
    public static Task ApplyAsync(IGrainFactory grains, TrailPrefixKey prefix, IReadOnlyList<AuditEvent> events, HashSet<string> applications)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var calls = new List<Task>();
        foreach (var group in events.GroupBy(e => e.ApplicationId))
        {
            IReadOnlyList<AuditEvent> batch = [.. group];
            if (group.Key is { } applicationId)
            {
                applications.Add(applicationId);
                var key = new ApplicationKey(prefix.Account, prefix.Region, applicationId);
                calls.Add(grains.GetGrain<IApplicationGrain>(key.Format()).ApplyAsync(batch));
            }
            else
            {
                calls.Add(grains.GetGrain<IAccountGrain>(prefix.Account).ApplyAccountEventsAsync(batch));
            }
        }

        return Task.WhenAll(calls);
    }
}
