using PinpointAggregator.SampleData.Digests;
using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.SampleData.Damage;

/// <summary>
/// The log findings of one account and region, from what is in the sample: every digest found checks every log
/// it lists (a deleted log is <c>LogDeleted</c>, a damaged one <c>LogModified</c>, under each digest that lists
/// it, copies included), and a log no digest lists is <c>LogNotInAnyDigest</c> once the chain's digests reach
/// an hour past its name time.
/// </summary>
internal static class ExpectedLogFindings
{
    /// <summary>The verifier's default <c>Integrity:UnlistedGrace</c>.</summary>
    public static readonly TimeSpan UnlistedGrace = TimeSpan.FromHours(1);

    public static IEnumerable<ExpectedFinding> For(IReadOnlyList<FoundDigest> digests, IReadOnlyList<WrittenLog> logs)
    {
        var byKey = logs.ToDictionary(l => l.Key, StringComparer.Ordinal);
        foreach (var digest in digests)
        {
            foreach (var listed in digest.ListedLogs)
            {
                switch (byKey[listed].Outcome)
                {
                    case LogOutcome.Deleted:
                        yield return new(IntegrityFindingKind.LogDeleted, digest.Key, listed);
                        break;
                    case LogOutcome.Altered:
                        yield return new(IntegrityFindingKind.LogModified, digest.Key, listed);
                        break;
                }
            }
        }

        var anyListed = digests.SelectMany(d => d.ListedLogs).ToHashSet(StringComparer.Ordinal);
        var covered = digests.Where(d => !d.Backfill).Select(d => (DateTimeOffset?)d.End).Max();
        foreach (var log in logs.Where(l => l.Outcome is LogOutcome.Intact or LogOutcome.Altered && !anyListed.Contains(l.Key)))
        {
            if (log.NameTime + UnlistedGrace <= covered)
            {
                yield return new(IntegrityFindingKind.LogNotInAnyDigest, null, log.Key);
            }
        }
    }
}
