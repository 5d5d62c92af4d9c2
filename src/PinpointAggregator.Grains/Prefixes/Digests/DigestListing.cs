using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>
/// When a prefix lists its <c>CloudTrail-Digest/REGION/</c> folder, from where, and what a page adds to the
/// digests waiting. One page per poll at most; without I/O, so the rules are tested on their own.
/// </summary>
/// <remarks>
/// Digests are hourly, delivered some minutes after their hour: a listing is due when the hour turned since
/// the last one, or <c>Ingestion:MaxPollInterval</c> (15 minutes by default) passed, or the last page was full
/// (the listing goes on where it stopped). It starts a day before the newest digest seen, not after it:
/// several trails in one prefix interleave by name within a day, so a <c>StartAfter</c> at the newest key
/// alone would skip a later-named trail's newer digests. Keys already checked or waiting are skipped.
/// </remarks>
internal sealed class DigestListing(TrailPrefixKey prefix, PrefixIntegrityState state, TimeSpan listInterval, TimeSpan futureSkew, int maxWaiting)
{
    /// <summary>How far before the newest digest a listing starts.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromDays(1);

    /// <summary>Whether this poll lists: never while the waiting digests are at their bound (the listing goes on once they are checked).</summary>
    public bool IsDue(DateTime now) =>
        state.Waiting.Count < maxWaiting
        && (state.ListAfter is not null
        || state.LastListedAt is not { } last
        || now - last >= listInterval
        || Hour(now) != Hour(last));

    /// <summary>The listing request of this poll.</summary>
    public TrailListRequest Request()
    {
        var root = prefix.Location.Root;
        var folder = root.DigestRegionPrefix(prefix.Account, prefix.Region);
        var from = (state.NewestDigestAt ?? state.From ?? DateTime.UnixEpoch) - Overlap;
        var startAfter = state.ListAfter ?? root.DigestDayPrefix(prefix.Account, prefix.Region, DateOnly.FromDateTime(from < DateTime.UnixEpoch ? DateTime.UnixEpoch : from));
        return new TrailListRequest(folder, startAfter);
    }

    /// <summary>
    /// Adds the page of <paramref name="request"/> to the waiting digests; returns how many were added. At the
    /// bound of waiting digests it stops, and the next listing goes on after the last key it took: a member
    /// account's thousands of forged digests delay the real ones, never hide them.
    /// </summary>
    public int Add(TrailListRequest request, TrailObjectListing page, DateTime now)
    {
        var added = 0;
        string? last = null;
        foreach (var listed in page.Objects)
        {
            if (state.Waiting.Count >= maxWaiting)
            {
                state.ListAfter = last ?? request.StartAfter;
                state.LastListedAt = now;
                return added;
            }

            last = listed.Key;
            if (!TrailKey.TryParse(listed.Key, out var key, out _) || key.Kind != TrailFileKind.Digest
                || key.AccountId != prefix.Account || key.Region != prefix.Region)
            {
                continue;
            }

            // A name ahead of the clock is no digest yet (CloudTrail names a digest when it delivers it): taken when
            // the clock reaches it, so forged future names cannot fill the waiting digests.
            var nameTime = key.Timestamp.UtcDateTime;
            if (nameTime < state.From || nameTime > now + futureSkew || state.Checked.ContainsKey(listed.Key) || state.Waiting.ContainsKey(listed.Key))
            {
                continue;
            }

            state.Waiting[listed.Key] = new WaitingDigest { NameTime = nameTime, FoundAt = now };
            added++;

            if (state.NewestDigestAt is null || nameTime > state.NewestDigestAt)
            {
                state.NewestDigestAt = nameTime;
            }
        }

        state.ListAfter = page.ContinuationToken is null || page.Objects.Count == 0 ? null : page.Objects[^1].Key;
        state.LastListedAt = now;
        return added;
    }

    /// <summary>
    /// Forgets checked keys the listing no longer reaches (before its start day), so the set stays about a day
    /// long; and past <paramref name="maxChecked"/> (forged keys named ahead of the clock stay in reach) the
    /// oldest names, which at worst are read again, within a poll's bound.
    /// </summary>
    public void PruneChecked(int maxChecked)
    {
        var from = state.NewestDigestAt is { } newest ? DateOnly.FromDateTime(newest - Overlap).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.MinValue;
        var old = state.Checked.Where(p => p.Value < from).Select(p => p.Key).ToList();
        var left = state.Checked.Count - old.Count;
        if (left > maxChecked)
        {
            old.AddRange(state.Checked.Where(p => p.Value >= from).OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(left - maxChecked).Select(p => p.Key));
        }

        foreach (var key in old)
        {
            state.Checked.Remove(key);
        }
    }

    private static long Hour(DateTime time) => time.Ticks / TimeSpan.TicksPerHour;
}
