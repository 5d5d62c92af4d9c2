namespace PinpointAggregator.Trail.Digests;

/// <summary>A public-key source could not answer now (a failed or denied request); try again later.</summary>
public sealed class DigestKeySourceException : Exception
{
    public DigestKeySourceException()
    {
    }

    public DigestKeySourceException(string message)
        : base(message)
    {
    }

    public DigestKeySourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
