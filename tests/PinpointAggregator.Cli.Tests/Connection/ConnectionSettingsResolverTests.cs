using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Tests.Connection;

/// <summary>Flags beat environment, environment beats the config file, the file beats the defaults; a token file is read, never quoted.</summary>
public sealed class ConnectionSettingsResolverTests : IDisposable
{
    private const string SecretToken = "s3cr3t-token-value";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Nothing_GivesTheEmbeddedDefaultsAddressNoTokenAndThirtySeconds()
    {
        var settings = ConnectionSettingsResolver.Resolve(new ConnectionFlags(), CliRun.Bare);

        Assert.Equal(new Uri("http://127.0.0.1:50051"), settings.Address);
        Assert.Null(settings.Token);
        Assert.Null(settings.CaFile);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.False(settings.TimeoutGiven);
    }

    [Fact]
    public void FlagBeatsEnvironmentBeatsFile()
    {
        var environment = Environment(
            new() { ["PINPOINT_AUDIT_ADDRESS"] = "http://env:1", ["PINPOINT_AUDIT_TOKEN"] = "env-token" },
            """{ "address": "http://file:1", "token": "file-token" }""");

        var fromFlags = ConnectionSettingsResolver.Resolve(new ConnectionFlags(Address: "https://flag:1", Token: "flag-token"), environment);
        var fromEnvironment = ConnectionSettingsResolver.Resolve(new ConnectionFlags(), environment);
        var fromFile = ConnectionSettingsResolver.Resolve(new ConnectionFlags(), Environment([], """{ "address": "http://file:1", "token": "file-token" }"""));

        Assert.Equal(("https://flag:1/", "flag-token"), (fromFlags.Address.ToString(), fromFlags.Token));
        Assert.Equal(("http://env:1/", "env-token"), (fromEnvironment.Address.ToString(), fromEnvironment.Token));
        Assert.Equal(("http://file:1/", "file-token"), (fromFile.Address.ToString(), fromFile.Token));
    }

    [Fact]
    public void EachSettingFallsThroughOnItsOwn()
    {
        // The address from the environment, the token from the file: each setting takes the first level that has it.
        var settings = ConnectionSettingsResolver.Resolve(new ConnectionFlags(), Environment(new() { ["PINPOINT_AUDIT_ADDRESS"] = "http://env:1" }, """{ "token": "file-token" }"""));

        Assert.Equal(("http://env:1/", "file-token"), (settings.Address.ToString(), settings.Token));
    }

    [Fact]
    public void TokenFile_IsReadAndTrimmed_RelativeToTheConfigFile()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "pinpoint-audit-token"), SecretToken + "\n");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pinpoint-audit"));
        File.WriteAllText(Path.Combine(_folder.Path, "pinpoint-audit", "token"), "from-relative-file\n");

        var viaFlag = ConnectionSettingsResolver.Resolve(new ConnectionFlags(TokenFile: Path.Combine(_folder.Path, "pinpoint-audit-token")), CliRun.Bare);
        var viaConfig = ConnectionSettingsResolver.Resolve(new ConnectionFlags(), Environment([], """{ "tokenFile": "token" }"""));

        Assert.Equal(SecretToken, viaFlag.Token);
        Assert.Equal("from-relative-file", viaConfig.Token);
    }

    [Fact]
    public void GeneratedKeyFileOfTheEmbeddedDefault_IsTheLastResort()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pinpoint-audit"));
        File.WriteAllText(Path.Combine(_folder.Path, "pinpoint-audit", "token"), "generated-key\n");
        var alone = CliRun.With(new Dictionary<string, string>(), _folder.Path);
        var withEnvironment = CliRun.With(new Dictionary<string, string> { ["PINPOINT_AUDIT_TOKEN"] = "env-token" }, _folder.Path);

        Assert.Equal("generated-key", ConnectionSettingsResolver.Resolve(new ConnectionFlags(), alone).Token);
        Assert.Equal("env-token", ConnectionSettingsResolver.Resolve(new ConnectionFlags(), withEnvironment).Token);
        Assert.Equal("flag-token", ConnectionSettingsResolver.Resolve(new ConnectionFlags(Token: "flag-token"), alone).Token);
    }

    [Fact]
    public void ExplicitConfigPath_FlagBeatsEnvironment()
    {
        var flagFile = Path.Combine(_folder.Path, "flag.json");
        var envFile = Path.Combine(_folder.Path, "env.json");
        File.WriteAllText(flagFile, """{ "address": "http://flag-config:1" }""");
        File.WriteAllText(envFile, """{ "address": "http://env-config:1" }""");
        var environment = CliRun.With(new Dictionary<string, string> { ["PINPOINT_AUDIT_CONFIG"] = envFile });

        Assert.Equal("http://flag-config:1/", ConnectionSettingsResolver.Resolve(new ConnectionFlags(Config: flagFile), environment).Address.ToString());
        Assert.Equal("http://env-config:1/", ConnectionSettingsResolver.Resolve(new ConnectionFlags(), environment).Address.ToString());
    }

    [Fact]
    public void Timeout_IsParsedAndMarkedAsGiven()
    {
        var settings = ConnectionSettingsResolver.Resolve(new ConnectionFlags(Timeout: "500ms"), CliRun.Bare);

        Assert.Equal((TimeSpan.FromMilliseconds(500), true), (settings.Timeout, settings.TimeoutGiven));
    }

    [Theory]
    [InlineData("foo", "the address must be http://HOST:PORT or https://HOST:PORT, not 'foo'")]
    [InlineData("ftp://host:1", "the address must be http://HOST:PORT or https://HOST:PORT, not 'ftp://host:1'")]
    [InlineData("http://host:1/path", "the address must be http://HOST:PORT or https://HOST:PORT, not 'http://host:1/path'")]
    public void BadAddress_IsAUsageErrorSayingTheForm(string address, string message)
    {
        var e = Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(Address: address), CliRun.Bare));

        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5s")]
    [InlineData("soon")]
    public void BadTimeout_IsAUsageError(string timeout)
    {
        var e = Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(Timeout: timeout), CliRun.Bare));

        Assert.Equal($"--timeout must be a positive duration such as 30s, 500ms or 2m, not '{timeout}'", e.Message);
    }

    [Fact]
    public void TokenAndTokenFileAtOneLevel_IsAUsageErrorThatQuotesNeither()
    {
        var tokenFile = Path.Combine(_folder.Path, "t");
        File.WriteAllText(tokenFile, "other");

        var e = Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(Token: SecretToken, TokenFile: tokenFile), CliRun.Bare));

        Assert.Equal("give --token or --token-file, not both", e.Message);
    }

    [Fact]
    public void EmptyOrMissingTokenFile_IsAUsageError()
    {
        var empty = Path.Combine(_folder.Path, "empty");
        File.WriteAllText(empty, " \n");

        Assert.Equal($"token file {empty} is empty", Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(TokenFile: empty), CliRun.Bare)).Message);
        Assert.Equal($"token file {empty}x cannot be read: FileNotFoundException", Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(TokenFile: empty + "x"), CliRun.Bare)).Message);
    }

    [Fact]
    public void ExplicitConfigThatDoesNotExist_IsAUsageError_TheDefaultOneIsNot()
    {
        var missing = Path.Combine(_folder.Path, "nope.json");

        var e = Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(Config: missing), CliRun.Bare));

        Assert.Equal($"config file {missing} does not exist", e.Message);
        Assert.Null(ConnectionSettingsResolver.Resolve(new ConnectionFlags(), CliRun.With(new Dictionary<string, string>(), _folder.Path)).Token);
    }

    [Theory]
    [InlineData("""{ "adress": "http://x:1" }""", "unknown key \"adress\" (known: address, token, tokenFile, caFile)")]
    [InlineData("""{ "token": 42 }""", "\"token\" must be a string")]
    [InlineData("""[ "s3cr3t-token-value" ]""", "must hold a JSON object")]
    public void MalformedConfig_IsAUsageErrorNamingTheProblemNotTheContent(string json, string problem)
    {
        var environment = Environment([], json);

        var e = Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(), environment));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretToken, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigThatIsNotJson_SaysWhereNotWhat()
    {
        var e = Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(), Environment([], "{ \"token\": \"" + SecretToken + "\" oops }")));

        Assert.StartsWith($"config file {Path.Combine(_folder.Path, "pinpoint-audit", "config.json")} cannot be read: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretToken, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaFile_NeedsAnHttpsAddressAndAnExistingFile()
    {
        var ca = Path.Combine(_folder.Path, "ca.pem");
        File.WriteAllText(ca, "not used here");

        Assert.Equal("a CA file is for TLS: the address must be https://, not http://",
            Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(CaFile: ca), CliRun.Bare)).Message);
        Assert.Equal($"CA file {ca}.missing does not exist",
            Assert.Throws<UsageException>(() => ConnectionSettingsResolver.Resolve(new ConnectionFlags(Address: "https://h:1", CaFile: ca + ".missing"), CliRun.Bare)).Message);
        Assert.Equal(ca, ConnectionSettingsResolver.Resolve(new ConnectionFlags(Address: "https://h:1", CaFile: ca), CliRun.Bare).CaFile);
    }

    /// <summary>An environment with these variables and a default config file holding <paramref name="configJson"/>.</summary>
    private CliEnvironment Environment(Dictionary<string, string> variables, string configJson)
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pinpoint-audit"));
        File.WriteAllText(Path.Combine(_folder.Path, "pinpoint-audit", "config.json"), configJson);
        return CliRun.With(variables, _folder.Path);
    }
}
