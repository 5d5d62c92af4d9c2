namespace PinpointAggregator.SampleData;

/// <summary>How a generated file is damaged on purpose.</summary>
public enum MalformedKind
{
    /// <summary>The gzip stream is cut in the middle.</summary>
    TruncatedGzip,

    /// <summary>Only the 8-byte gzip trailer is missing: every JSON byte still decompresses.</summary>
    MissingTrailer,

    /// <summary>Valid gzip, but a ':' after a key in the middle is gone.</summary>
    InvalidJson,

    /// <summary>The top-level key is <c>records</c>, not <c>Records</c>.</summary>
    MissingRecords,

    /// <summary>An invalid UTF-8 byte inside a string value.</summary>
    InvalidUtf8,
}
