namespace PinpointAggregator.Trail.Reading;

/// <summary>What the trail reader keeps and the limits it enforces per file.</summary>
/// <remarks>The values that can work are stated once, in <see cref="TrailReaderOptionsRules"/>.</remarks>
public sealed class TrailReaderOptions
{
    /// <summary>Configuration section name (<c>Trail:Reader</c>).</summary>
    public const string SectionName = "Trail:Reader";

    /// <summary>
    /// Default cap on decompressed bytes per file: 256 MiB. CloudTrail log files are typically a few
    /// megabytes uncompressed; the cap only stops decompression bombs.
    /// </summary>
    public const long DefaultMaxDecompressedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Default cap on one record: 1 MiB. CloudTrail limits an event to 256 KB; anything far larger is a
    /// corrupt or hostile file, and the cap bounds the reader's buffer.
    /// </summary>
    public const int DefaultMaxRecordBytes = 1024 * 1024;

    /// <summary>Records whose <c>eventSource</c> is in this set are kept. Default: Amazon Pinpoint only.</summary>
    /// <remarks>Add <c>sms-voice.amazonaws.com</c> to follow AWS End User Messaging.</remarks>
    public IReadOnlyCollection<string> EventSources { get; set; } = [DefaultEventSource];

    /// <summary>The <c>eventSource</c> of Amazon Pinpoint records, kept by default.</summary>
    public const string DefaultEventSource = "pinpoint.amazonaws.com";

    /// <summary>A file that decompresses to more bytes than this is rejected.</summary>
    public long MaxDecompressedBytes { get; set; } = DefaultMaxDecompressedBytes;

    /// <summary>A file with a single record (or other JSON value) larger than this is rejected.</summary>
    public int MaxRecordBytes { get; set; } = DefaultMaxRecordBytes;

    /// <summary>
    /// Whether to compute each file's SHA-256 of its uncompressed content (<c>TrailReadResult.UncompressedSha256</c>),
    /// which CloudTrail's digests list. Default false: it costs about a fifth of the reader's speed, and only
    /// integrity validation needs it.
    /// </summary>
    public bool ComputeSha256 { get; set; }
}
