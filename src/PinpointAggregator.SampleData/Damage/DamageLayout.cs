namespace PinpointAggregator.SampleData.Damage;

/// <summary>What the damage planner needs to know of one account and region's digest chain.</summary>
/// <param name="Hours">How many hourly digests the chain has.</param>
/// <param name="ListedLogs">Per hour, the logs (stream indices) its regular digest lists.</param>
/// <param name="Delivered">Per hour, whether any log at all was delivered in it (backfilled ones included).</param>
/// <param name="IsIntact">Whether a log is delivered undamaged (not malformed): only those are damaged further.</param>
internal sealed record DamageLayout(int Hours, IReadOnlyList<IReadOnlyList<int>> ListedLogs, IReadOnlyList<bool> Delivered, Func<int, bool> IsIntact);
