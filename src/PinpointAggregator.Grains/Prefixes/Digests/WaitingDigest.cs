namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>Persisted: a digest listed and not checked yet.</summary>
[GenerateSerializer, Alias("pa.WaitingDigest")]
public sealed class WaitingDigest
{
    /// <summary>The time in the digest's name: when it was delivered, after every log it lists.</summary>
    [Id(0)] public DateTime NameTime { get; set; }

    /// <summary>When it was first listed: past <c>Integrity:ListedLogWait</c> it is checked with what is known.</summary>
    [Id(1)] public DateTime FoundAt { get; set; }
}
