namespace PinpointAggregator.Trail.Digests;

/// <summary>A public-key file could not be loaded; the message names the file and the reason.</summary>
public sealed class DigestPublicKeyFileException : Exception
{
    public DigestPublicKeyFileException()
    {
    }

    public DigestPublicKeyFileException(string message)
        : base(message)
    {
    }

    public DigestPublicKeyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
