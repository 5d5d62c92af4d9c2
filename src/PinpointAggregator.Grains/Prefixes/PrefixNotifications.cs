using System.Globalization;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// A prefix's notification mode, without Orleans: whether a poll lists its window, when a notified prefix wakes,
/// when its digests are followed, and what a quiet listing means. The grain reads and lists; this decides.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Notified</b> (a notification came less than <c>QuietAfter</c> ago): polls do not list the window;
/// they deliver, retry, re-read, reconcile (listing through to the newest keys, so a lost notification is caught)
/// and follow digests every <c>DigestListInterval</c>.</item>
/// <item>Quiet for <c>QuietAfter</c>: the poll lists its window. Files found there no notification named: the
/// notifications stopped while the trail is active, <b>Fallback</b> until one comes again. None: a quiet trail,
/// <b>Polling</b>.</item>
/// </list>
/// </remarks>
internal sealed class PrefixNotifications(TrailPrefixState state, IngestionOptions options)
{
    private PrefixNotificationState Notifications => state.Notifications;

    private NotificationOptions Settings => options.Notifications;

    /// <summary>Notifications arrive: this poll does not list the window.</summary>
    public bool SkipsWindow(DateTime now) =>
        Notifications.Mode == PrefixIngestionMode.Notified && Notifications.LastNotificationAt is { } last && now - last < Settings.QuietAfter;

    /// <summary>Whether notified keys may be read now: only once the listing reached the newest keys (see <see cref="PrefixNotificationState.ListingCurrent"/>).</summary>
    public bool ListingCurrent => Notifications.ListingCurrent;

    /// <summary>A listing of the window ended: current when it reached the end, behind when its turn ran out first.</summary>
    public void WindowListed(bool reachedEnd) => Notifications.ListingCurrent = reachedEnd;

    /// <summary>After a pause the prefix lists its window again before it reads notified keys.</summary>
    public void Resumed()
    {
        Notifications.Mode = PrefixIngestionMode.Polling;
        Notifications.ListingCurrent = false;
    }

    /// <summary>
    /// A notification was handled. Only a fresh one (sent less than <c>QuietAfter</c> ago) makes the prefix notified and
    /// ends a fallback: a message that waited hours in a backed-up queue says nothing about whether notifications flow
    /// now, and must not stop the window listing.
    /// </summary>
    /// <param name="now">The clock.</param>
    /// <param name="sentAt">When the freshest of the call's messages was sent (SQS <c>SentTimestamp</c>), not after <paramref name="now"/>.</param>
    /// <param name="files">Keys named.</param>
    /// <param name="alreadyDone">Of them, done before.</param>
    /// <param name="late">Of them, read and late.</param>
    public void Notified(DateTime now, DateTime sentAt, int files, int alreadyDone, int late)
    {
        Notifications.FilesNotified += files;
        Notifications.NotifiedAlreadyDone += alreadyDone;
        Notifications.NotifiedLate += late;
        if (Notifications.LastNotificationAt is not { } last || sentAt > last)
        {
            Notifications.LastNotificationAt = sentAt;
        }

        if (now - sentAt < Settings.QuietAfter)
        {
            Notifications.Mode = PrefixIngestionMode.Notified;
            (Notifications.FallbackSince, Notifications.FallbackReason) = (null, null);
        }
    }

    /// <summary>
    /// A key older than the reconcile horizon behind the newest key: read, and reported as late (a poll's reconcile
    /// would report it as missed and not read it).
    /// </summary>
    public bool IsLate(DateTime stamp) => state.NewestKeyAt is { } newest && stamp < newest - options.ReconcileHorizon;

    /// <summary>
    /// What a window listing of a quiet notified prefix means: files found there that no notification named (the
    /// notifications stopped while the trail is active) make it fall back; none, and it simply polls (a quiet trail).
    /// </summary>
    /// <returns>The reason of a new fallback, or null.</returns>
    public string? QuietListed(DateTime now, int found)
    {
        if (Notifications.Mode != PrefixIngestionMode.Notified)
        {
            return null;
        }

        if (found == 0)
        {
            Notifications.Mode = PrefixIngestionMode.Polling;
            return null;
        }

        var quietFor = now - (Notifications.LastNotificationAt ?? now);
        var reason = string.Create(CultureInfo.InvariantCulture, $"no notification for {Duration(quietFor)} while {found} {(found == 1 ? "file" : "files")} arrived");
        Notifications.Mode = PrefixIngestionMode.Fallback;
        Notifications.FallbackSince = now;
        Notifications.FallbackReason = reason;
        Notifications.Fallbacks++;
        return reason;
    }

    /// <summary>A notified prefix follows its digests every <c>DigestListInterval</c> at most (CloudTrail sends no notification for digests).</summary>
    public bool DigestsDue(DateTime now) => Notifications.LastDigestRunAt is not { } last || now - last >= Settings.DigestListInterval;

    public void DigestsFollowed(DateTime now) => Notifications.LastDigestRunAt = now;

    /// <summary>
    /// When a notified prefix polls next: the earliest of its reconcile, its digests, its next retry and its quiet
    /// deadline; a reconcile under way or deliveries waiting go on after one poll interval. Never sooner than that.
    /// </summary>
    public TimeSpan NextPoll(DateTime now)
    {
        var next = Notifications.LastNotificationAt is { } last ? last + Settings.QuietAfter : now;
        next = Min(next, (Notifications.LastDigestRunAt ?? now) + Settings.DigestListInterval);
        if (state.NextReconcileAt is { } reconcile)
        {
            next = Min(next, reconcile);
        }

        if (state.Retry.Count > 0)
        {
            next = Min(next, state.Retry.Values.Min(r => r.NextAttemptAt));
        }

        if (state.ReconcileAfter is not null || state.Undelivered.Count > 0)
        {
            next = Min(next, now + options.PollInterval);
        }

        return next - now < options.PollInterval ? options.PollInterval : next - now;
    }

    /// <summary>Whether nothing waits for a notified prefix: no retry, no delivery, no reconcile under way. It need not stay in memory.</summary>
    public bool Idle => state.Retry.Count == 0 && state.Undelivered.Count == 0 && state.ReconcileAfter is null;

    /// <summary>"42m", "3h 5m", "2d 4h": how long no notification came.</summary>
    private static string Duration(TimeSpan span) => span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
        : $"{(int)span.TotalMinutes}m";

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
