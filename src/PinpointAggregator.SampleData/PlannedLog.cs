using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.SampleData;

/// <summary>One log file of an account and region as generated, before it is written (or damaged, or dropped).</summary>
/// <param name="Key">Its key, relative to the bucket root.</param>
/// <param name="Name">Its key's parts (the name time is the delivery minute).</param>
/// <param name="Records">Its records, in file order.</param>
/// <param name="Late">Delivered hours after its events.</param>
/// <param name="Delivered">When CloudTrail delivered it, to the second: the digest of that hour lists it.</param>
/// <param name="Malformed">The storage damage it gets, or null.</param>
internal sealed record PlannedLog(string Key, TrailKey Name, List<SampleRecord> Records, bool Late, DateTimeOffset Delivered, MalformedKind? Malformed)
{
    public DateTimeOffset NewestEventTime => Records.Max(r => EventTime(r));

    public DateTimeOffset OldestEventTime => Records.Min(r => EventTime(r));

    private static DateTimeOffset EventTime(SampleRecord record) =>
        DateTimeOffset.ParseExact(record.Facts.EventTime, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
