using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Persisted: how a prefix learns of new files (part of <see cref="TrailPrefixState"/>), and what notifications
/// did to it. Added with issue 12; a state stored before has none and reads with these defaults: polling, and a
/// listing that must reach the newest keys before a notified key is read.
/// </summary>
[GenerateSerializer, Alias("pa.PrefixNotificationState")]
public sealed class PrefixNotificationState
{
    [Id(0)] public PrefixIngestionMode Mode { get; set; }

    /// <summary>When the last notification for this prefix was handled; the quiet deadline runs from it.</summary>
    [Id(1)] public DateTime? LastNotificationAt { get; set; }

    /// <summary>Keys named by notifications (each distinct key once per call), every delivery counted.</summary>
    [Id(2)] public long FilesNotified { get; set; }

    /// <summary>Of those, keys already done: answered without a GET.</summary>
    [Id(3)] public long NotifiedAlreadyDone { get; set; }

    /// <summary>Of those, keys older than the reconcile horizon behind the newest key: read, and reported as late.</summary>
    [Id(4)] public long NotifiedLate { get; set; }

    /// <summary>Since when the prefix polls because notifications stopped while files kept arriving; null unless in Fallback.</summary>
    [Id(5)] public DateTime? FallbackSince { get; set; }

    /// <summary>Why it fell back; null unless in Fallback.</summary>
    [Id(6)] public string? FallbackReason { get; set; }

    /// <summary>Times the prefix fell back to polling, never reset.</summary>
    [Id(7)] public long Fallbacks { get; set; }

    /// <summary>When the digest follower last ran in notification mode, which runs it every <c>Notifications:DigestListInterval</c> at most.</summary>
    [Id(8)] public DateTime? LastDigestRunAt { get; set; }

    /// <summary>
    /// The window listing has reached the newest keys since the prefix started or resumed. Until then a notified
    /// key is not read (its listing reads it): reading it would move the window past keys not listed yet.
    /// </summary>
    [Id(9)] public bool ListingCurrent { get; set; }
}
