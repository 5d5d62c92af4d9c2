namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Internal signal that a file is bad; <see cref="TrailFileReader{T}"/> turns it into a
/// <see cref="TrailFileError"/>. It never leaves the library.
/// </summary>
internal sealed class TrailFormatException(TrailFileErrorKind kind, string message) : Exception(message)
{
    public TrailFileErrorKind Kind { get; } = kind;
}
