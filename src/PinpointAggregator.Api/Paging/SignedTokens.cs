using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PinpointAggregator.Api.Paging;

/// <summary>
/// Turns a position into an opaque, tamper-evident token and back: base64url of a version byte, the issue
/// time, the position and an HMAC-SHA256 over all of them and a context (for a page token, the fingerprint
/// of the request it continues). A token whose MAC does not match, under this cluster's key and the request
/// it is presented with, is refused: forged, cut, made for another request shape or other filters.
/// </summary>
internal sealed class SignedTokens(PageTokenKeys keys, IOptions<ApiOptions> options, TimeProvider time)
{
    private const byte Version = 1;
    private const int HeaderBytes = 1 + sizeof(long);
    private const int MacBytes = 32;

    /// <summary>Bounds what is decoded from a client: a longer string is no token of ours.</summary>
    private const int MaxTokenChars = 4096;

    public async Task<string> SignAsync(ReadOnlyMemory<byte> context, ReadOnlyMemory<byte> position)
    {
        var key = await keys.GetAsync();
        var token = new byte[HeaderBytes + position.Length + MacBytes];
        token[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(1), time.GetUtcNow().ToUnixTimeSeconds());
        position.Span.CopyTo(token.AsSpan(HeaderBytes));
        Mac(key, context.Span, token.AsSpan(0, token.Length - MacBytes), token.AsSpan(token.Length - MacBytes));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>
    /// The position signed into <paramref name="token"/> for <paramref name="context"/>, or why it is refused.
    /// Page tokens expire after <see cref="ApiOptions.PageTokenLifetime"/>; watch cursors (<paramref name="expires"/>
    /// false) do not, so a watch resumes after any outage.
    /// </summary>
    public async Task<TokenCheck> VerifyAsync(string token, ReadOnlyMemory<byte> context, bool expires)
    {
        if (token.Length > MaxTokenChars || !Base64Url.IsValid(token))
        {
            return TokenCheck.Refused("is not a token this service issued");
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length < HeaderBytes + MacBytes || bytes[0] != Version)
        {
            return TokenCheck.Refused("is not a token this service issued");
        }

        var key = await keys.GetAsync();
        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(key, context.Span, bytes.AsSpan(0, bytes.Length - MacBytes), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - MacBytes)))
        {
            return TokenCheck.Refused("was not issued for this request: it is forged, or the request's other fields changed since");
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1)));
        if (expires && time.GetUtcNow() - issued > options.Value.PageTokenLifetime)
        {
            return TokenCheck.Refused($"has expired (tokens are valid for {options.Value.PageTokenLifetime}); start again without it");
        }

        return TokenCheck.Valid(bytes[HeaderBytes..^MacBytes]);
    }

    private static void Mac(byte[] key, ReadOnlySpan<byte> context, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(length, context.Length);

        // The context's length first, so no split of context and body can collide with another.
        hmac.AppendData(length);
        hmac.AppendData(context);
        hmac.AppendData(body);
        hmac.GetHashAndReset(mac);
    }
}
