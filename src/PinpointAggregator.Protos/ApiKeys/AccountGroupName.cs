namespace PinpointAggregator.ApiKeys;

/// <summary>
/// What may name a group of accounts (<c>Api:Auth:AccountGroups:{name}</c>) in a key's or a token's scope:
/// 1–64 ASCII letters, digits, '-', '_' and '.'. Names compare ignoring case, as configuration keys do.
/// </summary>
public static class AccountGroupName
{
    public const int MaxLength = 64;

    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
