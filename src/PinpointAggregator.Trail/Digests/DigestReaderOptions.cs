namespace PinpointAggregator.Trail.Digests;

/// <summary>The limits <see cref="DigestFileReader"/> enforces per digest file (member accounts write these files).</summary>
/// <remarks>The values that can work are stated once, in <see cref="DigestReaderOptionsRules"/>.</remarks>
public sealed class DigestReaderOptions
{
    /// <summary>Configuration section name (<c>Trail:DigestReader</c>).</summary>
    public const string SectionName = "Trail:DigestReader";

    /// <summary>
    /// Default cap on a digest's decompressed size: 16 MiB. A digest lists one hour of one account's logs in
    /// one region, about 500 bytes per log, typically a few kilobytes; the cap stops decompression bombs.
    /// </summary>
    public const long DefaultMaxDecompressedBytes = 16L * 1024 * 1024;

    /// <summary>Default cap on the logs one digest lists: 20,000 (a log every 0.2 s for an hour).</summary>
    public const int DefaultMaxLogFiles = 20_000;

    /// <summary>A digest that decompresses to more bytes than this is rejected (the whole file is held in memory).</summary>
    public long MaxDecompressedBytes { get; set; } = DefaultMaxDecompressedBytes;

    /// <summary>A digest listing more log files than this is rejected.</summary>
    public int MaxLogFiles { get; set; } = DefaultMaxLogFiles;
}
