namespace PinpointAggregator.ApiKeys;

/// <summary>
/// Where the service writes the operator key it generates for an unconfigured loopback endpoint (the
/// embedded default), and so where a client on the same machine finds a token when none is given:
/// <c>pinpoint-audit/token</c> in the user's configuration folder (<c>$XDG_CONFIG_HOME</c> or <c>~/.config</c>).
/// </summary>
public static class DefaultTokenFile
{
    public static string Path => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "pinpoint-audit",
        "token");
}
