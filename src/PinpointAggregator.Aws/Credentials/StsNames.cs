namespace PinpointAggregator.Aws.Credentials;

/// <summary>
/// STS's rules for <c>RoleSessionName</c> and <c>SourceIdentity</c>: 2 to 64 characters of
/// <c>[\w+=,.@-]</c>, where STS means ASCII word characters. A value STS refuses fails every AssumeRole, so
/// configured text is validated at start-up and the names filled in at run time are made to fit.
/// </summary>
internal static class StsNames
{
    public const int MinLength = 2;
    public const int MaxLength = 64;
    public const string SiloPlaceholder = "{silo}";
    public const string HostPlaceholder = "{host}";

    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-';

    public static bool IsValid(string value) => value.Length is >= MinLength and <= MaxLength && value.All(IsAllowed);

    /// <summary>The configured text with the placeholders taken out: what must already be valid.</summary>
    public static string Literal(string template) =>
        template.Replace(SiloPlaceholder, string.Empty, StringComparison.Ordinal).Replace(HostPlaceholder, string.Empty, StringComparison.Ordinal);

    /// <summary>The session name to send: placeholders filled in, other characters replaced, cut to 64.</summary>
    public static string SessionName(RoleOptions roles)
    {
        var host = Environment.MachineName;
        var filled = roles.SessionName
            .Replace(SiloPlaceholder, roles.SiloName is { Length: > 0 } silo ? silo : host, StringComparison.Ordinal)
            .Replace(HostPlaceholder, host, StringComparison.Ordinal);
        var fitted = new string([.. filled.Take(MaxLength).Select(c => IsAllowed(c) ? c : '-')]);

        // Only a bare placeholder filled with a one-letter name can come out this short.
        return fitted.PadRight(MinLength, '-');
    }
}
