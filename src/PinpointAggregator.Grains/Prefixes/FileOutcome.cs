using PinpointAggregator.Audit.Events;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// The result of fetching and reading one trail file: read whole, quarantined (a bad file: set aside, move
/// on) or to be retried later (transient or credential trouble: never skipped).
/// </summary>
internal sealed record FileOutcome(string Key, DateTime Stamp, int Gets)
{
    /// <summary>The quarantine kind of an object larger than <c>Ingestion:MaxObjectBytes</c>.</summary>
    public const string ObjectTooLarge = nameof(ObjectTooLarge);

    public TrailReadResult<AuditEvent>? Read { get; private init; }

    /// <summary>The read file's events, their meaning resolved while reading (off the grain's thread).</summary>
    public IReadOnlyList<AuditEvent> Events { get; private init; } = [];

    public string? QuarantineKind { get; private init; }

    public string? ErrorCode { get; private init; }

    public string? Message { get; private init; }

    public long RecordsReadBeforeError { get; private init; }

    public bool ShouldRetry => Read is null && QuarantineKind is null;

    public static FileOutcome Success(string key, DateTime stamp, int gets, TrailReadResult<AuditEvent> read) =>
        new(key, stamp, gets) { Read = read, Events = [.. read.Events.Select(e => e with { SourceKey = key })] };

    public static FileOutcome Quarantine(string key, DateTime stamp, int gets, string kind, string message, long recordsReadBeforeError = 0) =>
        new(key, stamp, gets) { QuarantineKind = kind, ErrorCode = kind, Message = message, RecordsReadBeforeError = recordsReadBeforeError };

    public static FileOutcome RetryLater(string key, DateTime stamp, int gets, string code, string message) =>
        new(key, stamp, gets) { ErrorCode = code, Message = message };
}
