using System.Diagnostics;

namespace PinpointAggregator.Api.Tests;

/// <summary>Waits for a condition the service reaches on its own, polling it, up to a generous deadline (never a fixed sleep).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    public static async Task TrueAsync(Func<bool> condition, string what) => await TrueAsync(() => Task.FromResult(condition()), what);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Deadline, $"{what} (waited {Deadline})");
            await Task.Delay(50);
        }
    }
}
