using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Whether a prefix's state changed since it was last written, ignoring what every poll changes: when it
/// polled, when it polls next, its interval, the time it read through, and the poll and request counters
/// (GETs always come with a real change), and when the digest folder was last listed. An idle poll therefore
/// writes nothing. Likewise a notification that names only keys already done: its time and counts are saved with
/// the next real change (a notification that reads a file is one).
/// </summary>
internal sealed class PrefixStateChanges()
    : StateChanges<TrailPrefixState>("lastPollAt", "nextPollAt", "interval", "readThrough", "counters.polls", "counters.requests", "integrity.lastListedAt",
        "notifications.lastNotificationAt", "notifications.filesNotified", "notifications.notifiedAlreadyDone");
