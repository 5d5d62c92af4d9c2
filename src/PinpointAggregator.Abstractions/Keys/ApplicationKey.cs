using System.Diagnostics.CodeAnalysis;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Abstractions.Keys;

/// <summary>
/// Identifies a Pinpoint application grain: the account and region whose trail delivered its events, and
/// the application id. Formatted <c>ACCOUNT/REGION/APPLICATION</c>.
/// </summary>
/// <remarks>
/// Every part is checked when the key is made (<see cref="TrailNames.IsAccountId"/>,
/// <see cref="TrailNames.IsRegion"/>, <see cref="PinpointNames.IsApplicationId"/>), and none of them can
/// contain '/', so every key that exists formats to a string that parses back to it: a value from a trail
/// record can never make a key that fails later, in a grain's activation or a summary.
/// </remarks>
public readonly record struct ApplicationKey
{
    public ApplicationKey(string account, string region, string applicationId)
    {
        if (!IsValid(account, region, applicationId))
        {
            throw new ArgumentException($"Not an application key: account '{account}', region '{region}', application '{PinpointNames.Bounded(applicationId ?? string.Empty)}'.");
        }

        (Account, Region, ApplicationId) = (account, region, applicationId);
    }

    public string Account { get; }

    public string Region { get; }

    public string ApplicationId { get; }

    public string Format() => $"{Account}/{Region}/{ApplicationId}";

    public override string ToString() => Format();

    /// <summary>Whether the three parts make a key; the check the constructor makes.</summary>
    public static bool IsValid([NotNullWhen(true)] string? account, [NotNullWhen(true)] string? region, [NotNullWhen(true)] string? applicationId) =>
        account is not null && region is not null && applicationId is not null
        && TrailNames.IsAccountId(account) && TrailNames.IsRegion(region) && PinpointNames.IsApplicationId(applicationId);

    public static ApplicationKey Parse(string value) =>
        TryParse(value, out var key) ? key : throw new FormatException($"'{PinpointNames.Bounded(value)}' is not an application key (ACCOUNT/REGION/APPLICATION).");

    public static bool TryParse(string? value, out ApplicationKey key)
    {
        key = default;
        var parts = value?.Split('/');
        if (parts is not { Length: 3 } || !IsValid(parts[0], parts[1], parts[2]))
        {
            return false;
        }

        key = new(parts[0], parts[1], parts[2]);
        return true;
    }
}
