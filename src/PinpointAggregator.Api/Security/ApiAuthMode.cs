namespace PinpointAggregator.Api.Security;

/// <summary>Whether callers must authenticate (<c>Api:Auth:Mode</c>).</summary>
public enum ApiAuthMode
{
    /// <summary>Every call but health and reflection needs a bearer token: an API key or a JWT. The default.</summary>
    Tokens,

    /// <summary>
    /// No authentication at all: every caller is an unrestricted operator. Dangerous; only for an endpoint
    /// that nothing untrusted can reach. Must be set explicitly.
    /// </summary>
    None,
}
