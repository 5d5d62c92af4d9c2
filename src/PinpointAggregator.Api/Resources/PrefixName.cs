using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Api.Resources;

/// <summary>
/// The resource name of a trail prefix: <c>accounts/{account}/regions/{region}/prefixes/{key}</c>, the key
/// being the S3 location it polls, URL-encoded (it holds slashes).
/// </summary>
internal static class PrefixName
{
    public static string Format(TrailPrefixKey key) => $"accounts/{key.Account}/regions/{key.Region}/prefixes/{Uri.EscapeDataString(key.Format())}";
}
