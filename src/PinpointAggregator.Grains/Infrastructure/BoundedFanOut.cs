namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Runs one call per item with at most a given number in flight, and collects each item's failure instead of
/// stopping at the first: a discovery round over 1,000 accounts (or an account over its 17 regions) must not
/// take one call's round trip per item in a row, nor let one grain that times out hold up the others.
/// </summary>
internal static class BoundedFanOut
{
    /// <summary>The default bound: enough calls in flight to hide grain and storage round trips, few enough not to flood a silo.</summary>
    public const int DefaultMaxInFlight = 64;

    /// <returns>The items whose call threw, with the exception, in no particular order.</returns>
    public static async Task<List<(T Item, Exception Error)>> RunAsync<T>(IEnumerable<T> items, int maxInFlight, Func<T, Task> call)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        var failures = new List<(T, Exception)>();
        var running = new List<Task>();
        foreach (var item in items)
        {
            if (running.Count >= maxInFlight)
            {
                running.Remove(await Task.WhenAny(running));
            }

            running.Add(RunOneAsync(item));
        }

        await Task.WhenAll(running);
        return failures;

        async Task RunOneAsync(T item)
        {
            try
            {
                await call(item);
            }
            catch (Exception e)
            {
                // On a grain's scheduler the continuations do not run in parallel, but a caller off it might.
                lock (failures)
                {
                    failures.Add((item, e));
                }
            }
        }
    }
}
