namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// The silo's budget of trail files being downloaded and decompressed at once, shared by every prefix grain
/// on the silo (<c>Ingestion:SiloReadConcurrency</c>). <c>Ingestion:FileConcurrency</c> bounds one prefix;
/// without this, 17,000 prefixes backfilling together would each hold that many downloads and reader buffers.
/// </summary>
/// <remarks>
/// Fair to live prefixes: a slot that frees goes to a waiting <em>live</em> read (a caught-up prefix's new
/// files) before any backfill read, so a first pass over a large organization never delays the prefixes
/// that are already current by more than one file's read. Among reads of one kind, first come first served.
/// </remarks>
public sealed class SiloReadBudget
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource<Lease>> _live = new();
    private readonly Queue<TaskCompletionSource<Lease>> _backfill = new();
    private int _free;

    public SiloReadBudget(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        (Slots, _free) = (slots, slots);
    }

    public int Slots { get; }

    /// <summary>Reads waiting for a slot, live and backfill (for status and tests).</summary>
    public (int Live, int Backfill) Waiting
    {
        get
        {
            lock (_gate)
            {
                return (_live.Count, _backfill.Count);
            }
        }
    }

    /// <summary>Waits for a slot; dispose the lease to give it back.</summary>
    /// <param name="live">A caught-up prefix's read: served before every waiting backfill read.</param>
    /// <param name="cancellationToken">Gives up waiting (the slot, if granted later, goes to the next in line).</param>
    public ValueTask<Lease> AcquireAsync(bool live, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Lease> waiter;
        lock (_gate)
        {
            if (_free > 0)
            {
                _free--;
                return ValueTask.FromResult(new Lease(this));
            }

            // Continuations run off the releasing thread: a release never runs the next reader inline.
            waiter = new TaskCompletionSource<Lease>(TaskCreationOptions.RunContinuationsAsynchronously);
            (live ? _live : _backfill).Enqueue(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled waiter stays queued until its turn, then hands its slot straight on (see Release).
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        }

        return new ValueTask<Lease>(waiter.Task);
    }

    private void Release()
    {
        while (true)
        {
            TaskCompletionSource<Lease> next;
            lock (_gate)
            {
                if (!_live.TryDequeue(out next!) && !_backfill.TryDequeue(out next!))
                {
                    _free++;
                    return;
                }
            }

            if (next.TrySetResult(new Lease(this)))
            {
                return;
            }
        }
    }

    /// <summary>One slot; disposing it twice gives it back once.</summary>
    public sealed class Lease(SiloReadBudget budget) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release();
            }
        }
    }
}
