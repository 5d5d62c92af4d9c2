namespace PinpointAggregator.Api.Paging;

/// <summary>Persisted state of the page-token key grain. <see cref="Version"/> names the shape.</summary>
[GenerateSerializer, Alias("pa.PageTokenKeyState")]
public sealed class PageTokenKeyState
{
    public const int CurrentVersion = 1;

    [Id(0)] public int Version { get; set; } = CurrentVersion;

    /// <summary>The HMAC-SHA256 key; null until the grain's first activation makes it.</summary>
    [Id(1)] public byte[]? Key { get; set; }
}
