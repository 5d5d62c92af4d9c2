using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.Security;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// At start, an unconfigured loopback endpoint gets an operator key: accepted by the key store, written to
/// its file, announced in the log by where it is and never by what it is. Nothing else gets one.
/// </summary>
public sealed class GeneratedApiKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-genkey-").FullName;
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;

    public GeneratedApiKeyTests() => _loggers = LoggerFactory.Create(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    private string KeyFile => Path.Combine(_folder, "token");

    [Fact]
    public async Task UnconfiguredLoopback_GetsAnOperatorKey_LoggedByPathOnly()
    {
        var (store, service) = Start(new ApiOptions { Url = "http://127.0.0.1:50051" });

        await service.StartingAsync(CancellationToken.None);

        Assert.True(ApiKey.TryParse(File.ReadAllText(KeyFile).Trim(), out var key));
        var grant = store.Find(key.Id);
        Assert.NotNull(grant);
        Assert.True(grant.Hash.Matches(key.Secret));
        Assert.Equal((ApiRole.Operator, 0, 0), (grant.Role, grant.Accounts.Count, grant.Groups.Count));
        var line = Assert.Single(_logs.Records);
        Assert.Equal(700, line.EventId);
        Assert.Contains(KeyFile, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret, line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Id, line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_ReusesTheKeyInTheFile()
    {
        var (_, first) = Start(new ApiOptions());
        await first.StartingAsync(CancellationToken.None);
        var (store, second) = Start(new ApiOptions());

        await second.StartingAsync(CancellationToken.None);

        Assert.True(ApiKey.TryParse(File.ReadAllText(KeyFile).Trim(), out var key));
        Assert.True(store.Find(key.Id)?.Hash.Matches(key.Secret));
        Assert.EndsWith("(reused key, readable only by this user), sent as 'authorization: Bearer <key>'", _logs.Records.Last().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredKeys_NoKeyIsGenerated()
    {
        var options = new ApiOptions();
        options.Auth.ApiKeys.Add(new ApiKeyOptions { Id = "ops", Hash = ApiKeyHash.Create(ApiKey.Generate().Secret).ToString(), Role = "operator" });
        var (_, service) = Start(options);

        await service.StartingAsync(CancellationToken.None);

        Assert.False(File.Exists(KeyFile));
        Assert.Equal(705, Assert.Single(_logs.Records).EventId);
    }

    [Fact]
    public async Task ModeNone_NoKeyIsGenerated_AndTheLogWarns()
    {
        var options = new ApiOptions();
        options.Auth.Mode = ApiAuthMode.None;
        var (_, service) = Start(options);

        await service.StartingAsync(CancellationToken.None);

        Assert.False(File.Exists(KeyFile));
        var line = Assert.Single(_logs.Records);
        Assert.Equal((LogLevel.Warning, 701), (line.Level, line.EventId));
    }

    [Fact]
    public async Task NonLoopback_NeverGetsAKey()
    {
        // Validation stops such a start first; the key is withheld even if it did not.
        var (_, service) = Start(new ApiOptions { Url = "https://0.0.0.0:50051" });

        await service.StartingAsync(CancellationToken.None);

        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task UnwritableKeyFile_DoesNotStopTheStart_AndTheLogSaysSo()
    {
        // A folder that cannot be made (its parent is a file), as on a read-only home folder.
        var blocker = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(blocker, string.Empty);
        var options = new ApiOptions();
        options.Auth.GeneratedKeyFile = Path.Combine(blocker, "token");
        var wrapped = Options.Create(options);
        var store = new ApiKeyStore(wrapped);

        await new GeneratedApiKey(wrapped, store, _loggers.CreateLogger<GeneratedApiKey>()).StartingAsync(CancellationToken.None);

        var line = Assert.Single(_logs.Records);
        Assert.Equal((LogLevel.Warning, 706), (line.Level, line.EventId));
        Assert.Contains(options.Auth.GeneratedKeyFile, line.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _loggers.Dispose();
        _logs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private (ApiKeyStore Store, GeneratedApiKey Service) Start(ApiOptions options)
    {
        options.Auth.GeneratedKeyFile = KeyFile;
        var wrapped = Options.Create(options);
        var store = new ApiKeyStore(wrapped);
        return (store, new GeneratedApiKey(wrapped, store, _loggers.CreateLogger<GeneratedApiKey>()));
    }
}
