using Orleans.Concurrency;
using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Abstractions.Grains;

/// <summary>
/// One account and region of one trail location (key: <see cref="Keys.TrailPrefixKey"/>). Polls the S3
/// prefix for new and late files, applies their events to the application grains, then records the files
/// as done; quarantines files it cannot read.
/// </summary>
[Alias("pa.ITrailPrefixGrain")]
public interface ITrailPrefixGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts polling (a timer while active, a reminder across restarts). Idempotent: only the first call's
    /// <paramref name="backfillFrom"/> counts; the first poll reads files from then on.
    /// </summary>
    /// <remarks>
    /// Interleaves with a running poll, so an account grain starting its prefixes never waits on a poll
    /// that is itself waiting on that account grain. It writes state only on the first start, when no poll
    /// can be running yet.
    /// </remarks>
    [Alias("Start"), AlwaysInterleave]
    Task StartAsync(DateTime backfillFrom);

    /// <summary>Polls now instead of waiting for the timer. Fails for a prefix that was never started.</summary>
    [Alias("PollNow")]
    Task PollNowAsync();

    /// <summary>
    /// Reads the files stamped in [<paramref name="fromTime"/>, <paramref name="untilTime"/>) again on the next poll,
    /// even those already done. Safe because applying is idempotent.
    /// </summary>
    [Alias("Reread")]
    Task RereadAsync(DateTime fromTime, DateTime untilTime);

    /// <summary>
    /// Stops polling until <see cref="ResumeAsync"/>, across restarts (the pause is in the prefix's state): a
    /// paused prefix skips its polls, <see cref="PollNowAsync"/> included, and its status says so. A poll under
    /// way finishes first. Pausing a paused prefix replaces its reason. Fails for a prefix that was never started.
    /// </summary>
    /// <param name="reason">Why, for the status (bounded by the caller).</param>
    [Alias("Pause")]
    Task PauseAsync(string? reason);

    /// <summary>Polls a paused prefix again, at once (a re-read asked for while it was paused runs then). Idempotent.</summary>
    [Alias("Resume")]
    Task ResumeAsync();

    /// <summary>
    /// Reads the log keys a notification named, now: keys already done cost no GET; keys older than the
    /// reconcile horizon are read and reported as late. The prefix is in notification mode afterwards (its polls
    /// list only for the reconcile) until notifications stop for <c>Ingestion:Notifications:QuietAfter</c>.
    /// Never fails for a key's own problem: each key gets its outcome; a key not of this prefix is refused with
    /// an <see cref="ArgumentException"/>.
    /// </summary>
    [Alias("ReadNotified")]
    Task<IReadOnlyList<NotifiedFileResult>> ReadNotifiedAsync(IReadOnlyList<NotifiedFile> files);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<PrefixStatus> GetStatusAsync();
}
