using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// One poll's share of a reconcile: at most <see cref="IngestionOptions.ReconcilePagesPerPoll"/> listing
/// pages, from where the last poll stopped. Unread keys inside the horizon are read; older ones are recorded
/// in the done-key store and then reported as missed, so no later reconcile reports them again. When the
/// listing reaches the window, the done keys no reconcile can list any more are forgotten and the next
/// reconcile is scheduled.
/// </summary>
/// <remarks>
/// Each page is its own <c>StartAfter</c> request, so the cursor is a key, saved in state, not a
/// continuation token that may expire between polls. Reading goes through the grain (the same batches,
/// deliveries and done-key records as any file), so this class only lists and decides. For a prefix in notification
/// mode (<c>listThroughNewest</c>) the reconcile lists through to the newest keys, not only up to the window
/// (<see cref="PrefixReconcile.Range"/>).
/// </remarks>
internal sealed class ReconcileStep(TrailPrefixKey key, PrefixLedger ledger, PrefixReconcile reconcile, IDoneKeyStore doneKeys, IngestionOptions options, TimeProvider time, bool listThroughNewest = false)
{
    /// <returns>How many files the reads recorded as done.</returns>
    public async Task<int> RunAsync(
        ITrailObjectStore store,
        Action countList,
        Func<List<(string Key, DateTime Stamp, long? Size)>, Task<int>> read,
        Action<MissedFile> reportMissed,
        CancellationToken cancellationToken)
    {
        var state = ledger.State;
        var range = reconcile.Range(listThroughNewest ? Now + options.FutureKeySkew : null);
        var prefix = key.Format();
        var found = 0;
        var startAfter = state.ReconcileAfter ?? key.Location.Root.LogKeysFrom(key.Account, key.Region, range.ListFrom);
        for (var pages = 1; !range.IsEmpty; pages++)
        {
            countList();
            var page = await store.ListAsync(new TrailListRequest(key.RegionPrefix, startAfter), cancellationToken);
            var (unread, pastEnd) = Unread(page, range);
            var done = unread.Count == 0 ? new HashSet<string>() : await doneKeys.FindDoneAsync(prefix, [.. unread.Select(f => f.Key)], cancellationToken);
            var sort = PrefixReconcile.Sort(unread.Where(f => !done.Contains(f.Key)), range);
            if (sort.Missed.Count > 0)
            {
                // Recorded before they are counted: a failure here leaves them to be found, and counted, once.
                await doneKeys.RecordAsync(prefix, [.. sort.Missed.Select(f => new DoneKey(f.Key, f.Stamp))], CancellationToken.None);
            }

            foreach (var missed in reconcile.Count(sort, Now))
            {
                reportMissed(missed);
            }

            found += await read(sort.Read);
            if (pastEnd)
            {
                break;
            }

            startAfter = state.ReconcileAfter = page.Objects[^1].Key;
            if (pages >= options.ReconcilePagesPerPoll)
            {
                // The rest waits for the next poll, so new files are never held up behind a long horizon.
                return found;
            }
        }

        // Not before what a notification may still name (DoneKeysKeptFrom): an old message must find its key done.
        await doneKeys.ForgetAsync(prefix, reconcile.DoneKeysKeptFrom(), CancellationToken.None);
        reconcile.Finished(Now);
        return found;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A page's log keys in the range that the prefix's state does not know (done in the window, or waiting for a retry).</summary>
    private (List<(string Key, DateTime Stamp, long? Size)> Unread, bool PastEnd) Unread(TrailObjectListing page, ReconcileRange range)
    {
        var unread = new List<(string Key, DateTime Stamp, long? Size)>();
        foreach (var (objectKey, size) in page.Objects)
        {
            if (!TrailKey.TryParse(objectKey, out var parsed, out _) || parsed.Kind != TrailFileKind.Log)
            {
                continue;
            }

            var stamp = parsed.Timestamp.UtcDateTime;
            if (stamp >= range.Until)
            {
                return (unread, true);
            }

            if (stamp >= range.ListFrom && ledger.ShouldRead(objectKey, skipDone: true))
            {
                unread.Add((objectKey, stamp, size));
            }
        }

        return (unread, page.ContinuationToken is null || page.Objects.Count == 0);
    }
}
