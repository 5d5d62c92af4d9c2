namespace PinpointAggregator.Trail.Keys;

/// <summary>Shape checks for the names that appear in trail keys (no regular expressions on the hot path).</summary>
public static class TrailNames
{
    /// <summary>Twelve ASCII digits.</summary>
    public static bool IsAccountId(ReadOnlySpan<char> value)
    {
        if (value.Length != 12)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>o-</c> followed by 10 to 32 lower-case letters or digits.</summary>
    public static bool IsOrganizationId(ReadOnlySpan<char> value)
    {
        if (value.Length is < 12 or > 34 || !value.StartsWith("o-", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value[2..])
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The longest region name accepted: 32 (AWS's longest today, <c>us-isob-east-1</c>, has 14).</summary>
    public const int MaxRegionLength = 32;

    /// <summary>Region names such as <c>us-east-1</c>, <c>us-gov-west-1</c> or <c>ap-southeast-2</c>.</summary>
    public static bool IsRegion(ReadOnlySpan<char> value)
    {
        // Lower-case letter groups separated by '-', ending in a number; bounded, since keys are written by member accounts.
        var last = value.LastIndexOf('-');
        if (value.Length is < 4 or > MaxRegionLength || last < 2 || last == value.Length - 1)
        {
            return false;
        }

        foreach (var c in value[(last + 1)..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        var previous = '-';
        foreach (var c in value[..last])
        {
            var ok = c == '-' ? previous != '-' : char.IsAsciiLetterLower(c);
            if (!ok)
            {
                return false;
            }

            previous = c;
        }

        return previous != '-';
    }
}
