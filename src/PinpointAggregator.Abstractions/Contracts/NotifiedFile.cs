namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>A trail log key a notification named, for the prefix grain that owns it.</summary>
/// <param name="Key">The S3 key, decoded (a log file of this prefix).</param>
/// <param name="Stamp">The UTC time in the key's name.</param>
/// <param name="SentAt">When the queue received the message (SQS <c>SentTimestamp</c>), for latency.</param>
[GenerateSerializer, Immutable, Alias("pa.NotifiedFile")]
public sealed record NotifiedFile(
    [property: Id(0)] string Key,
    [property: Id(1)] DateTime Stamp,
    [property: Id(2)] DateTime SentAt);

/// <summary>What a prefix grain did with a notified key.</summary>
public enum NotifiedFileOutcome
{
    /// <summary>Read whole now: its events are applied and the key is done.</summary>
    Read,

    /// <summary>Quarantined now with its reason: the key is done.</summary>
    Quarantined,

    /// <summary>Done before (listed, or notified twice): no GET was made.</summary>
    AlreadyDone,

    /// <summary>The read failed transiently: the key waits in the prefix's retry state (retried by polls, reported when stuck).</summary>
    Retrying,

    /// <summary>The prefix is paused by an operator: not read; its listing after the resume reads it.</summary>
    Paused,

    /// <summary>
    /// The prefix has not been started (account or region not discovered yet, excluded, past MaxRegionsPerAccount), or
    /// its listing has not reached its newest keys yet (a backfill, a resume): its listing reads it.
    /// </summary>
    NotStarted,

    /// <summary>
    /// The object does not exist (a forged or mistaken notification): not recorded as done and not quarantined, so a
    /// listing still reads an object that appears under the name later.
    /// </summary>
    Missing,

    /// <summary>
    /// Future-dated past <c>Ingestion:MaxFutureDatedKeys</c>: not read now; the listing (or, in notification mode, the
    /// reconcile) reads it when the clock reaches its name.
    /// </summary>
    Deferred,

    /// <summary>
    /// Named after the prefix's backfill start but further behind its newest key than done keys are remembered (the
    /// reconcile's reach, or <c>Ingestion:Notifications:MessageRetention</c> and a day if longer): not read, since a
    /// listing may have read it and its done key be forgotten, and reading it again could count it twice. Counted and logged.
    /// </summary>
    OutsideRange,
}

/// <summary>The outcome for one notified key.</summary>
/// <param name="Key">The notified key.</param>
/// <param name="Outcome">What the prefix did with it.</param>
/// <param name="Late">The key is older than the reconcile horizon behind the prefix's newest key: read anyway, and reported as late.</param>
[GenerateSerializer, Immutable, Alias("pa.NotifiedFileResult")]
public sealed record NotifiedFileResult(
    [property: Id(0)] string Key,
    [property: Id(1)] NotifiedFileOutcome Outcome,
    [property: Id(2)] bool Late = false)
{
    /// <summary>Done, or never to be read through this message: the message may go once all its keys are settled.</summary>
    public bool Settled => Outcome is not (NotifiedFileOutcome.Retrying or NotifiedFileOutcome.Paused);
}
