namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>A signature map could not be loaded; the message names the file and the reason.</summary>
public sealed class DigestSignatureMapException : Exception
{
    public DigestSignatureMapException()
    {
    }

    public DigestSignatureMapException(string message)
        : base(message)
    {
    }

    public DigestSignatureMapException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
