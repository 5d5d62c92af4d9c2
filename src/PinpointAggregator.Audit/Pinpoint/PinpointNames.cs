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

    /// <summary>A bounded copy of a value kept for the audit only (never a key, a path or a label).</summary>
    public static string Bounded(string value) =>
        value.Length <= MaxUnresolvedLength ? value : string.Concat(value.AsSpan(0, MaxUnresolvedLength), "…");
}
