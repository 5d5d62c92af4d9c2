using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Audit;

/// <summary>
/// What an applied event contributed to the counts, kept per deduplication id so a later delivery is
/// recognised and an addendum can take back its original's contribution before adding its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.EventStamp")]
public sealed record EventStamp(
    [property: Id(0)] DateTime At,
    [property: Id(1)] string EventId,
    [property: Id(2)] bool IsAddendum,
    [property: Id(3)] string EventName,
    [property: Id(4)] string? ErrorCode,
    [property: Id(5)] string Caller,
    [property: Id(6)] bool IsWrite)
{
    public static EventStamp Of(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.At, e.EventId, e.IsAddendum, e.EventName, e.ErrorCode, e.Caller, e.IsWrite);
    }

    /// <summary>
    /// An addendum beats the original; between two of the same kind the later time wins, then the larger
    /// eventID — the same rule as the offline scan, so the winner never depends on arrival order.
    /// </summary>
    public bool IsSupersededBy(AuditEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.IsAddendum != IsAddendum)
        {
            return candidate.IsAddendum;
        }

        var byTime = candidate.At.CompareTo(At);
        return byTime != 0 ? byTime > 0 : string.CompareOrdinal(candidate.EventId, EventId) > 0;
    }
}
