namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>Persisted: a time a chain's <c>Gap</c> finding says validation or logging was off; no digest lists the logs inside it.</summary>
[GenerateSerializer, Alias("pa.GapState")]
public sealed class GapState
{
    [Id(0)] public DateTime From { get; set; }

    [Id(1)] public DateTime Until { get; set; }

    public bool Contains(DateTime time) => time >= From && time < Until;
}
