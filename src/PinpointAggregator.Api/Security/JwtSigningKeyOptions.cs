namespace PinpointAggregator.Api.Security;

/// <summary>
/// One key that verifies JWT signatures (an entry of <c>Api:Auth:Jwt:SigningKeys</c>): exactly one of a public
/// key in PEM (RSA or EC, inline or in a file) or a symmetric key (HMAC, base64, at least 32 bytes; a shared
/// secret, so keep it out of files others read).
/// </summary>
public sealed class JwtSigningKeyOptions
{
    /// <summary>The <c>kid</c> tokens signed with this key carry, if the issuer sets one.</summary>
    public string? Id { get; set; }

    /// <summary>A <c>-----BEGIN PUBLIC KEY-----</c> block.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>A file holding a <c>-----BEGIN PUBLIC KEY-----</c> block.</summary>
    public string? PublicKeyFile { get; set; }

    /// <summary>A shared HMAC key, base64.</summary>
    public string? SymmetricKey { get; set; }
}
