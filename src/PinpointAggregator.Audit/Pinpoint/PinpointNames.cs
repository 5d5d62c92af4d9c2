namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>
/// Shape checks for the Pinpoint values that may become keys. A member account writes the trail, so any
/// principal can put any string in <c>application-id</c> (the failed call is logged all the same); only
/// values of Pinpoint's own shape may name an application.
/// </summary>
public static class PinpointNames
{
    /// <summary>
    /// The longest application id accepted: 64. Pinpoint issues 32 lower-case hex digits; the bound leaves
    /// room for other shapes of the same alphabet without letting a record choose an unbounded key.
    /// </summary>
    public const int MaxApplicationIdLength = 64;

    /// <summary>
    /// How much of a value that is not an application id the audit keeps, in characters: enough to
    /// recognise it, too little for a hostile record to grow state.
    /// </summary>
    public const int MaxUnresolvedLength = 128;

    /// <summary>1 to 64 ASCII letters and digits: what Pinpoint issues, and what its documentation shows.</summary>
    public static bool IsApplicationId(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > MaxApplicationIdLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How much of a name, code, caller or address the audit keeps, in characters: more than any real one (an
    /// IAM ARN is at most 2,048), far less than a record may carry (1 MiB).
    /// </summary>
    public const int MaxTextLength = 2048;

    /// <summary>A bounded copy of a value kept for the audit only (never a key, a path or a label).</summary>
    public static string Bounded(string value) => Bounded(value, MaxUnresolvedLength);

    /// <summary>The value cut to <paramref name="maxLength"/> characters, marked with an ellipsis when cut.</summary>
    public static string Bounded(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= maxLength ? value : string.Concat(value.AsSpan(0, maxLength), "…");
    }
}
