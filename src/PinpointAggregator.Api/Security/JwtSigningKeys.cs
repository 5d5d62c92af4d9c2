using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PinpointAggregator.Api.Security;

/// <summary>Turns <see cref="JwtSigningKeyOptions"/> into keys; errors name the option and never quote a key.</summary>
internal static class JwtSigningKeys
{
    /// <summary>HMAC keys shorter than the SHA-256 output are refused by the token library, and are guessable besides.</summary>
    public const int MinSymmetricKeyBytes = 32;

    /// <param name="key">One entry of <c>Api:Auth:Jwt:SigningKeys</c>.</param>
    /// <param name="option">The entry's configuration path, for messages (such as <c>Api:Auth:Jwt:SigningKeys:0</c>).</param>
    /// <exception cref="InvalidOperationException">The entry does not describe exactly one usable key.</exception>
    public static SecurityKey Load(JwtSigningKeyOptions key, string option)
    {
        var sources = new[] { key.PublicKeyPem, key.PublicKeyFile, key.SymmetricKey }.Count(s => !string.IsNullOrWhiteSpace(s));
        if (sources != 1)
        {
            throw new InvalidOperationException($"{option} must set exactly one of PublicKeyPem, PublicKeyFile and SymmetricKey.");
        }

        if (!string.IsNullOrWhiteSpace(key.SymmetricKey))
        {
            return new SymmetricSecurityKey(SymmetricBytes(key.SymmetricKey, option)) { KeyId = key.Id };
        }

        var pem = key.PublicKeyPem;
        if (pem is null)
        {
            if (!File.Exists(key.PublicKeyFile))
            {
                throw new InvalidOperationException($"{option}:PublicKeyFile '{key.PublicKeyFile}' does not exist.");
            }

            pem = File.ReadAllText(key.PublicKeyFile);
        }

        return PublicKey(pem, option, key.Id);
    }

    private static byte[] SymmetricBytes(string base64, string option)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{option}:SymmetricKey must be base64.");
        }

        return bytes.Length >= MinSymmetricKeyBytes
            ? bytes
            : throw new InvalidOperationException($"{option}:SymmetricKey must be at least {MinSymmetricKeyBytes} bytes; it has {bytes.Length}.");
    }

    // A SubjectPublicKeyInfo PEM says "PUBLIC KEY" for RSA and EC alike, so try one, then the other.
    private static SecurityKey PublicKey(string pem, string option, string? keyId)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa) { KeyId = keyId };
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec) { KeyId = keyId };
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            throw new InvalidOperationException($"{option} is not an RSA or EC public key in PEM (-----BEGIN PUBLIC KEY-----).", e);
        }
    }
}
