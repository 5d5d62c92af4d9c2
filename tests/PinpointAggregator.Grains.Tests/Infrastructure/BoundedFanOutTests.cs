using System.Threading.Channels;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

public sealed class BoundedFanOutTests
{
    [Fact]
    public async Task Never_runs_more_calls_at_once_than_the_bound_and_runs_every_one()
    {
        var gates = Enumerable.Range(0, 10).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = Channel.CreateUnbounded<int>();
        var (inFlight, most) = (0, 0);
        var run = BoundedFanOut.RunAsync(Enumerable.Range(0, 10), 3, async i =>
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (gates)
            {
                most = Math.Max(most, now);
            }

            started.Writer.TryWrite(i);
            await gates[i].Task;
            Interlocked.Decrement(ref inFlight);
        });

        // The first three start; the fourth only once one of them ends, and then it is the next in line.
        var first = new[] { await started.Reader.ReadAsync(), await started.Reader.ReadAsync(), await started.Reader.ReadAsync() };
        Assert.Equal([0, 1, 2], first);
        Assert.False(started.Reader.TryRead(out _));
        gates[1].SetResult();
        Assert.Equal(3, await started.Reader.ReadAsync());
        foreach (var gate in gates)
        {
            gate.TrySetResult();
        }

        Assert.Empty(await run);
        Assert.Equal(3, most);
    }

    [Fact]
    public async Task One_failing_call_never_stops_the_others_and_is_reported()
    {
        var done = new List<int>();
        var failures = await BoundedFanOut.RunAsync(Enumerable.Range(0, 5), 2, async i =>
        {
            await Task.Yield();
            if (i == 1)
            {
                throw new TimeoutException("account 1 does not answer");
            }

            lock (done)
            {
                done.Add(i);
            }
        });

        Assert.Equal([0, 2, 3, 4], done.Order());
        var (item, error) = Assert.Single(failures);
        Assert.Equal(1, item);
        Assert.IsType<TimeoutException>(error);
    }
}
