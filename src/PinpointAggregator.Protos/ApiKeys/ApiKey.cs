using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace PinpointAggregator.ApiKeys;

/// <summary>
/// An API key as a caller sends it: <c>pa_{id}_{secret}</c>, as <c>authorization: Bearer pa_…</c>. The id
/// names the key's entry in the service's configuration and is not secret (it appears in logs); the secret
/// is 256 random bits, base64url, shown once when the key is made and stored by the service only as an
/// <see cref="ApiKeyHash"/>. The server finds the entry by id, then compares the secret's hash in constant time.
/// </summary>
/// <remarks><see cref="ToString"/> never includes the secret; <see cref="Format"/> is the whole token.</remarks>
public sealed class ApiKey
{
    /// <summary>What every API key starts with, so a server tells it from a JWT without parsing.</summary>
    public const string Prefix = "pa_";

    /// <summary>Longest id: lower-case letters, digits and '-'.</summary>
    public const int MaxIdLength = 64;

    private const int SecretBytes = 32;
    private const int GeneratedIdBytes = 8;

    // Generous for a 43-character secret, small enough that hashing what a caller sends is cheap.
    private const int MaxSecretLength = 128;

    private ApiKey(string id, string secret) => (Id, Secret) = (id, secret);

    public string Id { get; }

    public string Secret { get; }

    /// <summary>A new key: a random id (16 hex digits) unless one is given, and a random 256-bit secret.</summary>
    /// <exception cref="ArgumentException">The id is not 1–64 lower-case letters, digits and '-'.</exception>
    public static ApiKey Generate(string? id = null)
    {
        if (id is not null && !IsValidId(id))
        {
            throw new ArgumentException($"An API key id is 1 to {MaxIdLength} lower-case letters, digits and '-'; got '{id}'.", nameof(id));
        }

        id ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(GeneratedIdBytes));
        return new ApiKey(id, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes)));
    }

    /// <summary>True when the token has the API key prefix (it may still be malformed).</summary>
    public static bool HasPrefix(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Reads <c>pa_{id}_{secret}</c>; false for anything else, without saying why (the token is secret).</summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out ApiKey? key)
    {
        key = null;
        if (token is null || !HasPrefix(token))
        {
            return false;
        }

        var rest = token.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator < 0)
        {
            return false;
        }

        // The id never contains '_'; the secret may (base64url), so the first '_' ends the id.
        var id = rest[..separator];
        var secret = rest[(separator + 1)..];
        if (!IsValidId(id) || secret.Length is 0 or > MaxSecretLength || !Base64UrlText.IsStrict(secret))
        {
            return false;
        }

        key = new ApiKey(id.ToString(), secret.ToString());
        return true;
    }

    /// <summary>1–64 lower-case ASCII letters, digits and '-'.</summary>
    public static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > MaxIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The whole token, secret included: for the one place that shows it to its owner.</summary>
    public string Format() => $"{Prefix}{Id}_{Secret}";

    /// <summary>The id only, so a key that reaches a log or an exception message leaks nothing.</summary>
    public override string ToString() => $"{Prefix}{Id}_***";
}
