namespace PinpointAggregator.Abstractions.Options;

/// <summary>
/// Notification-driven ingestion (section <c>Ingestion:Notifications</c>): CloudTrail's SNS notifications, S3 event
/// notifications or EventBridge "Object Created" events delivered to SQS queues. With no queue configured (the
/// default) every prefix polls; with queues, a prefix that receives notifications stops listing its window and
/// keeps only the reconcile listing as a safety net, and falls back to polling when notifications stop.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>The queues every silo consumes (SQS hands each message to one consumer at a time). Empty: polling only.</summary>
    public List<NotificationQueueOptions> Queues { get; init; } = [];

    /// <summary>Long-poll wait of one <c>ReceiveMessage</c> (<c>WaitTimeSeconds</c>). Default 20 seconds, SQS's maximum.</summary>
    public TimeSpan WaitTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Messages one <c>ReceiveMessage</c> asks for (<c>MaxNumberOfMessages</c>, 1 to 10). Default 10.</summary>
    public int MaxMessages { get; set; } = 10;

    /// <summary>
    /// Visibility timeout asked for on receive; while a batch is still being read it is extended by as much
    /// again, every half of it. A silo that dies holding messages gives them back after this. Default 2 minutes.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A prefix that has had notifications and then none for this long lists its window again (polling); if that
    /// listing finds files no notification named, notifications have stopped while the trail is active, and the
    /// prefix says so in status and metrics until notifications come back. Default 30 minutes (CloudTrail
    /// delivers about every 5 minutes per active account and region).
    /// </summary>
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A message received this many times whose keys still wait (failing reads, a paused prefix) is deleted
    /// and counted as set aside: its keys are in their prefixes' retry state by then, retried by polls and
    /// reported as stuck, so nothing is lost and the message does not cycle forever. Default 5.
    /// </summary>
    public int MaxReceives { get; set; } = 5;

    /// <summary>A message body longer than this (UTF-16 characters) is set aside unread. Default 262,144 (SQS's classic limit).</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>Object keys one message may name; a message naming more is set aside. Default 1,000.</summary>
    public int MaxKeysPerMessage { get; set; } = 1000;

    /// <summary>
    /// How often a prefix in notification mode lists its <c>CloudTrail-Digest/</c> folder (CloudTrail sends no
    /// notification for digests). One listing returns every digest since the last, so a longer interval only
    /// delays validation: validated-through lags by up to this much more. Default 3 hours.
    /// </summary>
    public TimeSpan DigestListInterval { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// Receive batches one silo reads at once per queue: a batch waits for its slowest prefix grain (one busy with a
    /// backfill turn or a reconcile), and the others go on meanwhile. Default 4.
    /// </summary>
    public int BatchesInFlight { get; set; } = 4;

    /// <summary>
    /// After a receive that brought fewer than <see cref="MaxMessages"/>, the next waits this long, so the queue fills a
    /// batch: SQS bills per request, and a loop that receives each message as it comes pays one receive and one delete
    /// per file. Adds at most this much latency. Zero: receive again at once. Default 1 second.
    /// </summary>
    public TimeSpan ReceivePause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the queues keep a message (their <c>MessageRetentionPeriod</c>; SQS's default is 4 days, its maximum
    /// 14). Done keys are remembered at least this long (plus a day) behind each prefix's newest key, so an old message
    /// — a backlog, a dead-letter queue redriven — never reads a file a second time. Default 4 days.
    /// </summary>
    public TimeSpan MessageRetention { get; set; } = TimeSpan.FromDays(4);

    /// <summary>
    /// How often organization and region discovery list when queues are configured, in place of
    /// <c>Ingestion:DiscoveryInterval</c>. A notification that names a prefix discovery has not started asks its account
    /// (or, for an account not tracked yet, the organization) to discover at once — at most once each
    /// <see cref="HintedDiscoveryGap"/> — so a new
    /// account or region is found by its first notified file, and this listing is only the safety net. Default 1 hour.
    /// </summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two discovery rounds of one account (or of the organization) that notifications bring
    /// forward: any member account can write keys that name new regions, so this bounds what forged ones cost. Default
    /// 1 minute.
    /// </summary>
    public TimeSpan HintedDiscoveryGap { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => Queues.Count > 0;
}
