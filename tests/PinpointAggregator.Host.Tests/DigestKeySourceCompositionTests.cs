using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Aws.CloudTrail;
using PinpointAggregator.Grains;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Host.Tests;

/// <summary>
/// The silo's digest key source: the configured key files, and ListPublicKeys only when it is on and some bucket is on
/// S3; with local folders alone (the embedded default) no AWS request is ever made.
/// </summary>
public sealed class DigestKeySourceCompositionTests : IDisposable
{
    private const string Account = "111122223333";

    private readonly string _folder = Directory.CreateTempSubdirectory("pa-keys-").FullName;

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    public void ListPublicKeys_OnlyWhenAskedFor_AndSomeBucketIsOnS3(bool onS3, bool listPublicKeysOff, bool expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ingestion:Buckets:0:Name"] = "local-trail",
            ["Ingestion:Buckets:0:LocalPath"] = _folder,
        };
        if (onS3)
        {
            settings["Ingestion:Buckets:1:Name"] = "org-trails";
        }

        if (listPublicKeysOff)
        {
            settings["Integrity:ListPublicKeys"] = "false";
        }

        using var services = Compose(settings);

        Assert.Equal(expected, Assert.IsType<CloudTrailDigestKeySource>(services.GetRequiredService<IDigestPublicKeySource>()).ListsPublicKeys);
    }

    [Fact]
    public async Task KeyFiles_AreTrusted_AndLocalFoldersAloneNeverAskAws()
    {
        var path = Path.Combine(_folder, "cloudtrail.pem");
        byte[] der;
        using (var rsa = RSA.Create(2048))
        {
            der = rsa.ExportSubjectPublicKeyInfo();
            File.WriteAllText(path, rsa.ExportSubjectPublicKeyInfoPem());
        }

        using var services = Compose(new Dictionary<string, string?>
        {
            ["Ingestion:Buckets:0:Name"] = "local-trail",
            ["Ingestion:Buckets:0:LocalPath"] = _folder,
            ["Integrity:PublicKeyFiles:0"] = path,

            // Were it asked, this endpoint would refuse the connection and the lookup would throw.
            ["Aws:CloudTrailServiceUrl"] = "http://127.0.0.1:1/",
        });
        var source = services.GetRequiredService<IDigestPublicKeySource>();
        var fingerprint = DigestPublicKey.FromDer(der).Fingerprint;

        Assert.Equal(der, (await source.FindAsync(Account, "us-east-1", fingerprint, DateTimeOffset.UtcNow, CancellationToken.None))!.Der.ToArray());
        Assert.Null(await source.FindAsync(Account, "us-east-1", new string('0', 32), DateTimeOffset.UtcNow, CancellationToken.None));
    }

    [Fact]
    public async Task TheService_WithAKeyFileThatCannotBeLoaded_ExitsWithAConfigurationError()
    {
        var status = await PinpointProgram.RunAsync(
        [
            "--Ingestion:Buckets:0:Name=local-trail", $"--Ingestion:Buckets:0:LocalPath={_folder}",
            $"--Integrity:PublicKeyFiles:0={Path.Combine(_folder, "missing.pem")}",
        ]);

        Assert.Equal(PinpointProgram.ConfigurationError, status);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPinpointIngestion(configuration).AddTrailStores(configuration).BuildServiceProvider();
    }
}
