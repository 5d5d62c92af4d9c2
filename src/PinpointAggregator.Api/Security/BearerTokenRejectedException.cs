namespace PinpointAggregator.Api.Security;

/// <summary>Why a bearer token was not accepted, in words written here that are safe to send to the caller (never the token).</summary>
public sealed class BearerTokenRejectedException : Exception
{
    public BearerTokenRejectedException()
    {
    }

    public BearerTokenRejectedException(string message)
        : base(message)
    {
    }

    public BearerTokenRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
