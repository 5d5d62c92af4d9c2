namespace PinpointAggregator.SampleData.Damage;

/// <summary>Where one <see cref="TrailDamage"/> is applied.</summary>
/// <param name="Kind">The damage.</param>
/// <param name="Stream">The account and region (index of the generator's streams).</param>
/// <param name="Hour">The digest period damaged (for <see cref="TrailDamage.TwoDigestsDeleted"/> the first of the two; for <see cref="TrailDamage.ChainRestarted"/> the hour logging is off; for <see cref="TrailDamage.UnlistedLog"/> the hour of the extra log's name).</param>
/// <param name="Log">The log damaged (index in the stream's logs), or for <see cref="TrailDamage.UnlistedLog"/> the log whose records the extra one replays; -1 otherwise.</param>
/// <param name="MinuteInHour">For <see cref="TrailDamage.UnlistedLog"/>: how many minutes after the period's start the extra log is named.</param>
internal sealed record DamageTarget(TrailDamage Kind, int Stream, int Hour, int Log, int MinuteInHour);
