using System.Diagnostics.CodeAnalysis;

namespace PinpointAggregator.Abstractions.Keys;

/// <summary>
/// Identifies a Pinpoint application grain: the account and region whose trail delivered its events, and
/// the application id. Formatted <c>ACCOUNT/REGION/APPLICATION</c>.
/// </summary>
public readonly record struct ApplicationKey(string Account, string Region, string ApplicationId)
{
    public string Format() => $"{Account}/{Region}/{ApplicationId}";

    public override string ToString() => Format();

    public static ApplicationKey Parse(string value) =>
        TryParse(value, out var key) ? key : throw new FormatException($"'{value}' is not an application key (ACCOUNT/REGION/APPLICATION).");

    public static bool TryParse(string? value, [NotNullWhen(true)] out ApplicationKey key)
    {
        key = default;
        var parts = value?.Split('/');
        if (parts is not { Length: 3 } || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        key = new(parts[0], parts[1], parts[2]);
        return true;
    }
}
