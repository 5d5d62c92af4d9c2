using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Api.Errors;

namespace PinpointAggregator.Api.Queries;

/// <summary>The trail prefixes of one account an operation acts on: every region, or the ones named.</summary>
internal sealed class AccountPrefixes(IGrainFactory grains)
{
    /// <summary>
    /// The prefixes' keys, in order. NOT_FOUND when the account runs no prefix, or when a named region has none:
    /// an operator learns at once that the request would do nothing there.
    /// </summary>
    public async Task<IReadOnlyList<string>> SelectAsync(string account, IReadOnlyCollection<string> regions)
    {
        var status = await grains.GetGrain<IAccountGrain>(account).GetStatusAsync();
        var keys = status.Prefixes.Select(TrailPrefixKey.Parse).ToList();
        if (keys.Count == 0)
        {
            throw ApiErrors.NotFound($"accounts/{account} has no trail prefix: it has not been discovered or configured, or has no regions yet.");
        }

        if (regions.FirstOrDefault(r => keys.All(k => k.Region != r)) is { } missing)
        {
            throw ApiErrors.NotFound($"accounts/{account} has no trail prefix in {missing}.");
        }

        return [.. keys.Where(k => regions.Count == 0 || regions.Contains(k.Region)).Select(k => k.Format()).Order(StringComparer.Ordinal)];
    }
}
