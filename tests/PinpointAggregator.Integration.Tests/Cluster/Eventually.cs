using System.Diagnostics;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>Waits for a condition by polling it, with a generous deadline; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (clock.Elapsed > Deadline)
            {
                Assert.Fail($"Timed out after {Deadline.TotalSeconds:0} s waiting until {what}. Last value: {System.Text.Json.JsonSerializer.Serialize(value)}");
            }

            await Task.Delay(200);
        }
    }
}
