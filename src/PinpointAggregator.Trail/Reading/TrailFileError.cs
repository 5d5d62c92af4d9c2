namespace PinpointAggregator.Trail.Reading;

/// <summary>Why and where a trail file was rejected.</summary>
/// <param name="Kind">The class of failure.</param>
/// <param name="Message">A sentence for operators: what was wrong and where.</param>
/// <param name="DecompressedOffset">How many decompressed bytes were read when the failure was found.</param>
/// <param name="RecordsReadBeforeError">Records (of any event source) completely read before the failure.</param>
public sealed record TrailFileError(TrailFileErrorKind Kind, string Message, long DecompressedOffset, int RecordsReadBeforeError)
{
    /// <summary>True when the cause may go away on retry (the file was not judged).</summary>
    public bool IsTransient => Kind == TrailFileErrorKind.SourceReadFailed;

    public override string ToString() => $"{Kind}: {Message}";
}
