namespace PinpointAggregator.SampleData.Digests;

/// <summary>
/// The hourly digest periods of one account and region: contiguous hours from <see cref="FirstStart"/> (each
/// period starts where the previous ends, as CloudTrail's do), not aligned to the clock hour, enough of them to
/// cover every delivery.
/// </summary>
internal sealed record DigestHours(DateTimeOffset FirstStart, int Count)
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <summary>
    /// Periods starting up to an hour before <paramref name="trailStart"/> (at <paramref name="offsetSeconds"/> past
    /// the hour before it) and running past <paramref name="lastDelivery"/>.
    /// </summary>
    public static DigestHours Covering(DateTimeOffset trailStart, int offsetSeconds, DateTimeOffset lastDelivery)
    {
        var first = trailStart - Period + TimeSpan.FromSeconds(offsetSeconds);
        return new DigestHours(first, (int)((lastDelivery - first) / Period) + 1);
    }

    public DateTimeOffset Start(int hour) => FirstStart + (Period * hour);

    public DateTimeOffset End(int hour) => Start(hour + 1);

    /// <summary>The period a delivery falls in (a period includes its start, not its end).</summary>
    public int HourOf(DateTimeOffset delivered) => (int)Math.Floor((delivered - FirstStart) / Period);
}
