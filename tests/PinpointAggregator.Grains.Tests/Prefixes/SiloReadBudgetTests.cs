using PinpointAggregator.Grains.Prefixes;

namespace PinpointAggregator.Grains.Tests.Prefixes;

public sealed class SiloReadBudgetTests
{
    [Fact]
    public async Task Never_hands_out_more_slots_than_it_has()
    {
        var budget = new SiloReadBudget(2);
        using var first = await budget.AcquireAsync(live: false, CancellationToken.None);
        var second = await budget.AcquireAsync(live: false, CancellationToken.None);
        var third = budget.AcquireAsync(live: false, CancellationToken.None).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal((0, 1), budget.Waiting);
        second.Dispose();
        using var lease = await third;
        Assert.Equal((0, 0), budget.Waiting);
    }

    [Fact]
    public async Task A_freed_slot_goes_to_a_live_read_before_earlier_backfill_reads()
    {
        var budget = new SiloReadBudget(1);
        var held = await budget.AcquireAsync(live: false, CancellationToken.None);
        var backfill = budget.AcquireAsync(live: false, CancellationToken.None).AsTask();
        var live = budget.AcquireAsync(live: true, CancellationToken.None).AsTask();

        held.Dispose();
        var next = await live;
        Assert.False(backfill.IsCompleted);
        next.Dispose();
        (await backfill).Dispose();
    }

    [Fact]
    public async Task A_lease_given_back_twice_frees_one_slot()
    {
        var budget = new SiloReadBudget(1);
        var lease = await budget.AcquireAsync(live: false, CancellationToken.None);
        lease.Dispose();
        lease.Dispose();

        using var again = await budget.AcquireAsync(live: false, CancellationToken.None);
        Assert.False(budget.AcquireAsync(live: false, CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task A_cancelled_waiter_passes_its_turn_on()
    {
        var budget = new SiloReadBudget(1);
        var held = await budget.AcquireAsync(live: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.AcquireAsync(live: false, cancel.Token).AsTask();
        var waiting = budget.AcquireAsync(live: false, CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();
        (await waiting).Dispose();
    }
}
