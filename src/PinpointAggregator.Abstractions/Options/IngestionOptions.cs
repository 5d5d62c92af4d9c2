namespace PinpointAggregator.Abstractions.Options;

/// <summary>What to read and how often. Section <c>Ingestion</c>; every value has a working default.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>CloudTrail delivers about every 5 minutes per account and region.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(1);

    /// <summary>128 MiB: see <see cref="MaxObjectBytes"/>.</summary>
    public const long DefaultMaxObjectBytes = 128L * 1024 * 1024;

    public List<TrailBucketOptions> Buckets { get; init; } = [];

    /// <summary>Accounts to read even if discovery does not list them (12-digit ids).</summary>
    public List<string> Accounts { get; init; } = [];

    /// <summary>Accounts never read, even when discovered.</summary>
    public List<string> ExcludedAccounts { get; init; } = [];

    /// <summary>Regions to read in every account besides the discovered ones.</summary>
    public List<string> Regions { get; init; } = [];

    /// <summary>
    /// Discovered regions read per account; region folders past it are reported (account status, a warning)
    /// and not polled. Default 64: AWS has about 40 regions, and each folder a member account creates would
    /// otherwise start a grain that polls forever. Configured <see cref="Regions"/> and the regions AWS publishes
    /// (<c>AwsRegions</c>) are always read, so made-up folders cannot take the places of real ones.
    /// </summary>
    public int MaxRegionsPerAccount { get; set; } = 64;

    /// <summary>
    /// Pages (of up to 1,000 names) of an account's region folders read per discovery round. Default 10. Region
    /// folders are written by the member account: past this, a flood of made-up folders would cost a LIST per
    /// thousand every round. When the listing stops here, each region AWS publishes that it did not reach is
    /// looked up on its own (one LIST each), so no real region is missed.
    /// </summary>
    public int MaxRegionListPages { get; set; } = 10;

    /// <summary>
    /// Where a prefix starts reading the first time (UTC). Null: when the service first started, so no
    /// history is read, yet an account or region discovered later loses none of its files since then.
    /// </summary>
    public DateTime? StartFrom { get; set; }

    /// <summary>How often an active prefix polls. Default 1 minute.</summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>A quiet prefix doubles its interval up to this. Default 15 minutes.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far behind the newest file a poll re-lists, to catch late and out-of-order files. Keys inside
    /// it are remembered so none is read twice. Default 2 hours (CloudTrail's delivery is usually within 15 minutes).
    /// </summary>
    public TimeSpan LateArrivalWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How late a file may land, behind the newest key, and still be read (once). A slow reconcile listing of
    /// this much history behind the late-arrival window, every <see cref="ReconcileInterval"/>, compares the
    /// keys with the done-key store and reads the ones never read. Default 7 days.
    /// </summary>
    public TimeSpan ReconcileHorizon { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often a prefix reconciles its horizon (jittered, and spread over prefixes). The reconcile reads
    /// back <see cref="ReconcileHorizon"/> plus this interval, so a file that lands just inside the horizon
    /// is still read at the next reconcile. Default 6 hours.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How far past the horizon the reconcile still lists, only to report files that landed too late as
    /// missed (counted, listed, logged; never read). Files later still are not listed at all. Default 1 day.
    /// </summary>
    public TimeSpan MissedReportBand { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Listing pages (1,000 keys each) one poll spends on the reconcile; a longer reconcile goes on at the
    /// next poll from where it stopped, so it never holds up new files for long. Default 2.
    /// </summary>
    public int ReconcilePagesPerPoll { get; set; } = 2;

    /// <summary>
    /// The largest trail file (compressed, as stored) a prefix downloads. A listed file above it is
    /// quarantined as <c>ObjectTooLarge</c> without a GET; a download that passes it is stopped and
    /// quarantined the same way. Default 128 MiB.
    /// </summary>
    /// <remarks>
    /// The member accounts that deliver into the bucket are not trusted, so an object's size is not either.
    /// CloudTrail's files are kilobytes to a few megabytes compressed, and JSON compresses about tenfold, so
    /// anything near 128 MiB would overrun the reader's 256 MiB cap on decompressed bytes anyway
    /// (<c>Trail:Reader:MaxDecompressedBytes</c>); the limit makes such a file cost nothing instead of a
    /// download on every poll.
    /// </remarks>
    public long MaxObjectBytes { get; set; } = DefaultMaxObjectBytes;

    /// <summary>Files one prefix reads at once. Default 4.</summary>
    public int FileConcurrency { get; set; } = 4;

    /// <summary>
    /// Files downloaded and decompressed at once by all the prefixes of one silo together; a caught-up
    /// prefix's reads get a freed slot before backfill reads. Default twice the processor count: reading is
    /// CPU (decompression, parsing) with some network wait, and 17,000 prefixes × <see cref="FileConcurrency"/>
    /// would otherwise hold tens of thousands of downloads and reader buffers during a first pass.
    /// </summary>
    public int SiloReadConcurrency { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>
    /// Files read and applied together (one apply per application grain per batch, then one checkpoint).
    /// Default 256: bounds a batch's events in memory to a few MB.
    /// </summary>
    public int FilesPerBatch { get; set; } = 256;

    /// <summary>
    /// Batches of <see cref="FilesPerBatch"/> files one poll turn reads before it yields; a longer backfill goes on in the
    /// next turn at once. Between turns the grain serves <c>PollNow</c>, re-reads, status and reminders, which
    /// would otherwise queue behind a whole backfill and time out. Default 4.
    /// </summary>
    public int BatchesPerTurn { get; set; } = 4;

    /// <summary>
    /// How often organization and region discovery list again while polling. Default 10 minutes. With queues configured
    /// <c>Ingestion:Notifications:DiscoveryInterval</c> applies instead (see <see cref="DiscoveryEvery"/>).
    /// </summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The discovery cadence in force: <see cref="DiscoveryInterval"/> while polling; with queues configured,
    /// <see cref="NotificationOptions.DiscoveryInterval"/>, because notifications name new accounts and regions themselves.
    /// </summary>
    public TimeSpan DiscoveryEvery => Notifications.Enabled ? Notifications.DiscoveryInterval : DiscoveryInterval;

    /// <summary>The reminder that keeps every grain scheduled across restarts. Default 5 minutes (Orleans' minimum is 1).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts for a file on transient errors within one poll before it waits for the next. Default 4.</summary>
    public int TransientAttempts { get; set; } = 4;

    /// <summary>First retry delay; doubles per attempt, with jitter. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait after repeated failures (account or prefix). Default 15 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most recent events kept per application and account. Default 50.</summary>
    public int RecentEvents { get; set; } = 50;

    /// <summary>
    /// Entries a prefix's status lists of its most recent quarantined files, set-aside events and
    /// future-dated keys (all are counted, and every quarantined file stays in the quarantine log). Default 100.
    /// </summary>
    public int QuarantineListLength { get; set; } = 100;

    /// <summary>
    /// How far a key's name-time may be ahead of the clock and still move the late-arrival window. A key
    /// further ahead is read like any other and reported, but never moves the window: one future-dated
    /// object would otherwise hide every real file behind it. Default 15 minutes (clock skew plus CloudTrail's
    /// naming by the end of the delivery interval).
    /// </summary>
    public TimeSpan FutureKeySkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Future-dated keys read per prefix. Each stays done, in state and in every listing, until the window
    /// reaches its name-time; past this many, a poll stops listing at the first unread one (keys sort by date,
    /// so all later ones are future-dated too), reports it, and leaves the rest for when the clock reaches
    /// them. Default 1,000.
    /// </summary>
    public int MaxFutureDatedKeys { get; set; } = 1000;

    /// <summary>
    /// A file still failing (denied, <c>RequestTimeTooSkewed</c>, throttled) this long after its first
    /// failure is reported as stuck: logged as an error, listed in status, counted in metrics. It is still
    /// retried with backoff. Default 1 hour.
    /// </summary>
    public TimeSpan StuckFileAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Failed deliveries of events to one grain before its events are set aside with the reason, provided
    /// they span at least <see cref="StuckFileAfter"/> (so a silo restart never sets events aside); errors
    /// that can never succeed are set aside at once. The files are done either way, so one failing
    /// application never holds back its prefix. Default 5.
    /// </summary>
    public int DeliveryAttempts { get; set; } = 5;

    /// <summary>Notification-driven ingestion through SQS (section <c>Ingestion:Notifications</c>); off unless queues are configured.</summary>
    public NotificationOptions Notifications { get; init; } = new();
}
