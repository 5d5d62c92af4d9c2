namespace PinpointAggregator.Cli.Connection;

/// <summary>
/// Merges the connection settings from flags, environment and config file, in that order of precedence:
/// each setting comes from the first of them that has it. A token is given either literally or as a file
/// (never both at one level); with none, the embedded default's generated key file is used when it exists.
/// A token file is read here, and its content never appears in a message.
/// </summary>
internal static class ConnectionSettingsResolver
{
    public const string AddressVariable = "PINPOINT_AUDIT_ADDRESS";
    public const string TokenVariable = "PINPOINT_AUDIT_TOKEN";
    public const string TokenFileVariable = "PINPOINT_AUDIT_TOKEN_FILE";
    public const string CaFileVariable = "PINPOINT_AUDIT_CA_FILE";
    public const string ConfigVariable = "PINPOINT_AUDIT_CONFIG";

    /// <summary>
    /// The token file the service's embedded default writes its generated operator key to (readable only by
    /// the user who runs it); read when no level gives a token.
    /// </summary>
    public static string DefaultTokenPath(CliEnvironment environment) => Path.Combine(environment.ConfigFolder, "pinpoint-audit", "token");

    /// <summary>The default config file below the user's configuration folder.</summary>
    public static string DefaultConfigPath(CliEnvironment environment) => Path.Combine(environment.ConfigFolder, "pinpoint-audit", "config.json");

    /// <exception cref="UsageException">A value is malformed, a named file is missing, or a level gives both a token and a token file.</exception>
    public static ConnectionSettings Resolve(ConnectionFlags flags, CliEnvironment environment)
    {
        var explicitConfig = Given(flags.Config) ?? Given(environment.Variable(ConfigVariable));
        var file = ConfigFile.Read(explicitConfig ?? DefaultConfigPath(environment), required: explicitConfig is not null);

        var addressText = Given(flags.Address) ?? Given(environment.Variable(AddressVariable)) ?? Given(file.Address);
        var address = addressText is null ? ConnectionSettings.DefaultAddress : ParseAddress(addressText);

        var token = Token(flags.Token, flags.TokenFile, "--token", "--token-file")
            ?? Token(environment.Variable(TokenVariable), environment.Variable(TokenFileVariable), TokenVariable, TokenFileVariable)
            ?? Token(file.Token, file.TokenFile, "the config file's token", "the config file's tokenFile")
            ?? (File.Exists(DefaultTokenPath(environment)) ? Token(null, DefaultTokenPath(environment), string.Empty, string.Empty) : null);

        var caFile = Given(flags.CaFile) ?? Given(environment.Variable(CaFileVariable)) ?? Given(file.CaFile);
        if (caFile is not null && !File.Exists(caFile))
        {
            throw new UsageException($"CA file {caFile} does not exist");
        }

        if (caFile is not null && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException($"a CA file is for TLS: the address must be https://, not {address.Scheme}://");
        }

        var timeout = ConnectionSettings.DefaultTimeout;
        if (flags.Timeout is not null && !DurationText.TryParse(flags.Timeout, out timeout))
        {
            throw new UsageException($"--timeout must be a positive duration such as 30s, 500ms or 2m, not '{flags.Timeout}'");
        }

        return new ConnectionSettings(address, token, caFile, timeout, flags.Timeout is not null);
    }

    private static Uri ParseAddress(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new UsageException($"the address must be http://HOST:PORT or https://HOST:PORT, not '{text}'");
        }

        return uri;
    }

    private static string? Token(string? literal, string? file, string literalName, string fileName)
    {
        literal = Given(literal);
        file = Given(file);
        if (literal is not null && file is not null)
        {
            throw new UsageException($"give {literalName} or {fileName}, not both");
        }

        if (file is null)
        {
            return literal;
        }

        string text;
        try
        {
            text = File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"token file {file} cannot be read: {e.GetType().Name}", e);
        }

        return text.Length > 0 ? text : throw new UsageException($"token file {file} is empty");
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
