using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace PinpointAggregator.ApiKeys;

/// <summary>
/// How the service stores an API key's secret: <c>hmac-sha256${salt}${digest}</c>, where the salt is 16
/// random bytes, the digest is HMAC-SHA256 of the secret's UTF-8 bytes keyed with the salt, and both are
/// base64url. Configuration holds only this string, so reading it does not give anyone a key.
/// </summary>
/// <remarks>
/// A salted fast hash, not PBKDF2 or another slow one: slow hashing protects secrets a person chose, which an
/// attacker with the hash can guess; our secrets are 256 random bits, beyond any guessing however fast the
/// hash, and a slow hash would cost every request milliseconds of CPU. The salt makes the same secret hash
/// differently in every entry. Comparison is in constant time.
/// </remarks>
public sealed class ApiKeyHash
{
    public const string Scheme = "hmac-sha256";

    private const int SaltBytes = 16;
    private const int DigestBytes = 32;

    private readonly byte[] _salt;
    private readonly byte[] _digest;

    private ApiKeyHash(byte[] salt, byte[] digest) => (_salt, _digest) = (salt, digest);

    /// <summary>The hash of a secret with a new random salt.</summary>
    public static ApiKeyHash Create(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new ApiKeyHash(salt, Digest(salt, secret));
    }

    /// <summary>Reads the stored form; false when it is not <c>hmac-sha256${16-byte salt}${32-byte digest}</c>.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ApiKeyHash? hash)
    {
        hash = null;
        var parts = value?.Split('$');
        if (parts is not [Scheme, var salt, var digest]
            || !TryDecode(salt, SaltBytes, out var saltBytes)
            || !TryDecode(digest, DigestBytes, out var digestBytes))
        {
            return false;
        }

        hash = new ApiKeyHash(saltBytes, digestBytes);
        return true;
    }

    /// <summary>Whether the secret is the one this hash was made from, in time independent of where they differ.</summary>
    public bool Matches(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return CryptographicOperations.FixedTimeEquals(Digest(_salt, secret), _digest);
    }

    /// <summary>The stored form.</summary>
    public override string ToString() => $"{Scheme}${Base64Url.EncodeToString(_salt)}${Base64Url.EncodeToString(_digest)}";

    private static byte[] Digest(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));

    private static bool TryDecode(string text, int length, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = new byte[length];
        if (!Base64UrlText.IsStrict(text)
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written)
            || written != length)
        {
            bytes = null;
            return false;
        }

        return true;
    }
}
