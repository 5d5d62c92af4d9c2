using Google.Protobuf;
using PinpointAggregator.Api.Errors;

namespace PinpointAggregator.Api.Paging;

/// <summary>
/// Page tokens of the list RPCs: a position signed together with the fingerprint of the request it continues
/// (<see cref="RequestFingerprint"/>), so a token is accepted only with the very request that produced it.
/// </summary>
internal sealed class PageTokens(SignedTokens tokens)
{
    public const string Field = "page_token";

    public Task<string> IssueAsync(IMessage request, byte[] position) => tokens.SignAsync(RequestFingerprint.Of(request), position);

    /// <summary>
    /// The position in <paramref name="token"/>, or null for the first page (an empty token). A token that
    /// fails its check adds a violation of <c>page_token</c> and returns null.
    /// </summary>
    public async Task<T?> ReadAsync<T>(IMessage request, string token, Func<byte[], T> decode, FieldViolations violations)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var check = await tokens.VerifyAsync(token, RequestFingerprint.Of(request), expires: true);
        if (check.Position is { } position && TryDecode(position, decode, out var value))
        {
            return value;
        }

        violations.Add(Field, $"the page token {check.Problem ?? "is not a token this service issued"}");
        return null;
    }

    private static bool TryDecode<T>(byte[] position, Func<byte[], T> decode, out T value)
    {
        try
        {
            value = decode(position);
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException or IOException)
        {
            value = default!;
            return false;
        }
    }
}
