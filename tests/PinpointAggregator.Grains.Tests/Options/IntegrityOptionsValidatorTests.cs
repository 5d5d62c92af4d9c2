using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Options;

namespace PinpointAggregator.Grains.Tests.Options;

/// <summary>Bad integrity options, and public-key files that cannot be loaded, stop start-up with a message naming them.</summary>
public sealed class IntegrityOptionsValidatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-integrity-options-").FullName;

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new IntegrityOptionsValidator().Validate(null, new IntegrityOptions()).Succeeded);
        Assert.Equal(TimeSpan.FromHours(1), new IntegrityOptions().UnknownKeyRetry);
    }

    [Fact]
    public void ZeroWaits_AreValid()
    {
        Assert.Empty(Failures(new IntegrityOptions { UnlistedGrace = TimeSpan.Zero, ListedLogWait = TimeSpan.Zero }));
    }

    [Fact]
    public void NegativeWaits_AndNoUnknownKeyRetry_FailNamingEach()
    {
        var failures = Failures(new IntegrityOptions { UnlistedGrace = TimeSpan.FromMinutes(-1), ListedLogWait = TimeSpan.FromSeconds(-1), UnknownKeyRetry = TimeSpan.Zero });

        Assert.Equal(
            ["Integrity:UnlistedGrace must not be negative; got -00:01:00.", "Integrity:ListedLogWait must not be negative; got -00:00:01.", "Integrity:UnknownKeyRetry must be positive; got 00:00:00."],
            failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankKeyFile_FailsNamingItsPlace(string path)
    {
        Assert.Equal([$"Integrity:PublicKeyFiles:0 must be the path of a public-key file; got '{path}'."], Failures(new IntegrityOptions { PublicKeyFiles = { path } }));
    }

    [Fact]
    public void KeyFileThatCannotBeLoaded_FailsNamingItsPlaceAndTheFile()
    {
        var good = Path.Combine(_folder, "cloudtrail.pem");
        var missing = Path.Combine(_folder, "missing.pem");
        var notAKey = Path.Combine(_folder, "not-a-key.pem");
        using (var rsa = RSA.Create(2048))
        {
            File.WriteAllText(good, rsa.ExportSubjectPublicKeyInfoPem());
        }

        File.WriteAllText(notAKey, "hello");

        var failures = Failures(new IntegrityOptions { PublicKeyFiles = { good, missing, notAKey } });

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Integrity:PublicKeyFiles:1: ", failures[0], StringComparison.Ordinal);
        Assert.Contains(missing, failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Integrity:PublicKeyFiles:2: ", failures[1], StringComparison.Ordinal);
        Assert.Contains(notAKey, failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AddPinpointIngestion_BindsTheSection_AndValidatesIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrity:ListPublicKeys"] = "false",
            ["Integrity:UnknownKeyRetry"] = "00:30:00",
            ["Integrity:PublicKeyFiles:0"] = " ",
        }).Build();
        using var services = new ServiceCollection().AddPinpointIngestion(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IntegrityOptions>>().Value);

        Assert.Equal(["Integrity:PublicKeyFiles:0 must be the path of a public-key file; got ' '."], failure.Failures);
        using var valid = new ServiceCollection().AddPinpointIngestion(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrity:ListPublicKeys"] = "false",
            ["Integrity:UnknownKeyRetry"] = "00:30:00",
        }).Build()).BuildServiceProvider();
        var bound = valid.GetRequiredService<IOptions<IntegrityOptions>>().Value;
        Assert.Equal((false, TimeSpan.FromMinutes(30)), (bound.ListPublicKeys, bound.UnknownKeyRetry));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<string> Failures(IntegrityOptions options) =>
        new IntegrityOptionsValidator().Validate(null, options) is { Failed: true } result ? [.. result.Failures] : [];
}
