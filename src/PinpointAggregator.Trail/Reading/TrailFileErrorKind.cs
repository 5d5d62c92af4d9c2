namespace PinpointAggregator.Trail.Reading;

/// <summary>Why a trail file was rejected.</summary>
public enum TrailFileErrorKind
{
    /// <summary>Not gzip, the compressed data is damaged, or its CRC32 does not match (zlib checks a present trailer).</summary>
    CorruptGzip,

    /// <summary>The gzip stream ends early: the 8-byte trailer (CRC32 and length) is missing or cut.</summary>
    TruncatedGzip,

    /// <summary>The file decompresses to more than the configured cap (a decompression bomb).</summary>
    DecompressedSizeLimitExceeded,

    /// <summary>The decompressed bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The JSON is malformed or ends early.</summary>
    InvalidJson,

    /// <summary>The top level is not an object with a <c>Records</c> array.</summary>
    MissingRecords,

    /// <summary>A single record (or other JSON value) is larger than the configured cap.</summary>
    RecordTooLarge,

    /// <summary>A kept record lacks a field the audit cannot do without (eventID, eventTime, eventName).</summary>
    InvalidRecord,

    /// <summary>Reading the source failed (I/O); the file itself may be fine, so callers retry.</summary>
    SourceReadFailed,

    /// <summary>
    /// A digest file's JSON is well-formed but not a digest: a required field is missing, null, duplicated, of the
    /// wrong type or shape (time, hex, account id), or the fields contradict each other.
    /// </summary>
    InvalidDigest,
}
