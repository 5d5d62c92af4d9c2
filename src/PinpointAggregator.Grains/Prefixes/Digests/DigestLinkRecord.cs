using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>Persisted: a <see cref="DigestLink"/>, field by field (times as UTC).</summary>
[GenerateSerializer, Alias("pa.DigestLinkRecord")]
public sealed class DigestLinkRecord
{
    [Id(0)] public string FoundKey { get; set; } = string.Empty;

    [Id(1)] public string StatedKey { get; set; } = string.Empty;

    [Id(2)] public DateTime Start { get; set; }

    [Id(3)] public DateTime End { get; set; }

    [Id(4)] public string? Sha256 { get; set; }

    [Id(5)] public string? Signature { get; set; }

    [Id(6)] public string? PendingSigningString { get; set; }

    [Id(7)] public string? Fingerprint { get; set; }

    public DigestLink ToLink() =>
        new(FoundKey, StatedKey, new DateTimeOffset(Start, TimeSpan.Zero), new DateTimeOffset(End, TimeSpan.Zero), Sha256, Signature, PendingSigningString, Fingerprint);

    public static DigestLinkRecord Of(DigestLink link) => new()
    {
        FoundKey = link.FoundKey,
        StatedKey = link.StatedKey,
        Start = link.Start.UtcDateTime,
        End = link.End.UtcDateTime,
        Sha256 = link.Sha256,
        Signature = link.Signature,
        PendingSigningString = link.PendingSigningString,
        Fingerprint = link.Fingerprint,
    };
}
