using System.Buffers;

namespace PinpointAggregator.ApiKeys;

/// <summary>Base64url as we write it: its 64 characters only, no padding, no whitespace (which the runtime's decoder would skip).</summary>
internal static class Base64UrlText
{
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static bool IsStrict(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Alphabet);
}
