namespace PinpointAggregator.SampleData.Damage;

/// <summary>
/// Picks where each requested damage goes, deterministically from the seed. Each damage at digest period k
/// reserves the periods from k−1 (its predecessor, which the verifier must have checked) to the one after the
/// last it removes (its successor, which reports it); reservations never overlap, so the expected findings of
/// two damages never interact. The chain's first period is only ever a predecessor (a verifier meeting a chain
/// does not report the predecessor its first digest names) and the last is never reserved (so digests after every
/// damaged period cover its logs, and an unlisted log is reported).
/// </summary>
internal static class DamagePlanner
{
    public static IReadOnlyList<DamageTarget> Plan(IReadOnlyList<TrailDamage> damages, IReadOnlyList<DamageLayout> streams, SampleRandom random)
    {
        var reserved = streams.Select(s => new bool[s.Hours]).ToArray();
        var targets = new List<DamageTarget>();
        foreach (var kind in damages)
        {
            var removed = kind == TrailDamage.TwoDigestsDeleted ? 2 : 1;
            var required = new List<(int Stream, int Hour)>();
            var preferred = new List<(int Stream, int Hour)>();
            for (var s = 0; s < streams.Count; s++)
            {
                var layout = streams[s];
                for (var k = 1; k + removed <= layout.Hours - 2; k++)
                {
                    if (Enumerable.Range(k - 1, removed + 2).Any(h => reserved[s][h]) || !Allows(kind, layout, k, removed, strict: true))
                    {
                        continue;
                    }

                    required.Add((s, k));
                    if (Allows(kind, layout, k, removed, strict: false))
                    {
                        preferred.Add((s, k));
                    }
                }
            }

            var candidates = preferred.Count > 0 ? preferred : required;
            if (candidates.Count == 0)
            {
                throw new ArgumentException($"the trail is too small for the damage {kind} (with the others before it): it needs an hourly digest with room for it; add days, accounts, regions or files per day");
            }

            var (stream, hour) = candidates[random.Next(candidates.Count)];
            for (var h = hour - 1; h <= hour + removed; h++)
            {
                reserved[stream][h] = true;
            }

            targets.Add(new DamageTarget(kind, stream, hour, PickLog(kind, streams[stream], hour, random), kind == TrailDamage.UnlistedLog ? random.Next(1, 59) : 0));
        }

        return targets;
    }

    /// <summary>
    /// Whether period <paramref name="k"/> suits <paramref name="kind"/>: with <paramref name="strict"/>, what the
    /// damage cannot do without; otherwise what shows it best (deleted digests that listed logs, so their logs
    /// become unlisted; an hour of logging off that had no log anyway, so no event is lost).
    /// </summary>
    private static bool Allows(TrailDamage kind, DamageLayout layout, int k, int removed, bool strict) => kind switch
    {
        TrailDamage.LogModified or TrailDamage.LogDeleted => layout.ListedLogs[k].Any(layout.IsIntact),
        TrailDamage.UnlistedLog => Enumerable.Range(0, layout.ListedLogs.Count).Any(h => layout.ListedLogs[h].Any(layout.IsIntact)),
        TrailDamage.DigestContentChanged => layout.ListedLogs[k].Count > 0,
        TrailDamage.DigestDeleted or TrailDamage.TwoDigestsDeleted => strict || Enumerable.Range(k, removed).All(h => layout.ListedLogs[h].Count > 0),
        TrailDamage.ChainRestarted => strict || !layout.Delivered[k],
        _ => true,
    };

    private static int PickLog(TrailDamage kind, DamageLayout layout, int k, SampleRandom random)
    {
        switch (kind)
        {
            case TrailDamage.LogModified or TrailDamage.LogDeleted:
                var listed = layout.ListedLogs[k].Where(layout.IsIntact).ToList();
                return listed[random.Next(listed.Count)];
            case TrailDamage.UnlistedLog:
                var any = layout.ListedLogs.SelectMany(h => h).Where(layout.IsIntact).Order().ToList();
                return any[random.Next(any.Count)];
            default:
                return -1;
        }
    }
}
