using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Grains;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Host.Tests;

/// <summary>The host's composition routes each configured bucket: a local folder when it has a path, else S3.</summary>
public sealed class TrailStoreRouterTests : IDisposable
{
    private const string Account = "111122223333";

    private readonly string _folder = Directory.CreateTempSubdirectory("pa-router-").FullName;
    private readonly ServiceProvider _services;

    public TrailStoreRouterTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingestion:Buckets:0:Name"] = "local-trail",
            ["Ingestion:Buckets:0:LocalPath"] = _folder,
            ["Ingestion:Buckets:1:Name"] = "org-trails",
            ["Aws:Region"] = "us-east-1",
            ["Aws:Roles:RoleName"] = "Reader",
        }).Build();
        _services = new ServiceCollection().AddPinpointIngestion(configuration).AddTrailStores(configuration).BuildServiceProvider();
    }

    private ITrailObjectStoreFactory Stores => _services.GetRequiredService<ITrailObjectStoreFactory>();

    [Fact]
    public void AddTrailStores_RegistersTheRouterAsTheGrainsFactory()
    {
        Assert.IsType<TrailStoreRouter>(Stores);
    }

    [Fact]
    public void BucketWithALocalPath_OpensTheFolderAndNeedsNoCredentials()
    {
        Assert.IsType<LocalFolderObjectStore>(Stores.Open("local-trail", Account));
        Assert.Equal("local folder", Stores.DescribeCredentials("local-trail", Account));
    }

    [Fact]
    public void BucketWithoutALocalPath_OpensS3WithTheAccountsRole()
    {
        // Organization-level reads use the ambient chain here, so opening contacts no STS.
        Assert.IsNotType<LocalFolderObjectStore>(Stores.Open("org-trails", account: null));
        Assert.Equal($"arn:aws:iam::{Account}:role/Reader", Stores.DescribeCredentials("org-trails", Account));
        Assert.Equal("ambient credentials", Stores.DescribeCredentials("org-trails", account: null));
    }

    [Fact]
    public void UnconfiguredBucket_IsNotFoundNamingTheSection()
    {
        var open = Assert.Throws<TrailStoreException>(() => Stores.Open("elsewhere", Account));
        var describe = Assert.Throws<TrailStoreException>(() => Stores.DescribeCredentials("elsewhere", Account));

        Assert.Equal((TrailStoreErrorKind.NotFound, "UnknownBucket"), (open.Kind, open.Code));
        Assert.Equal((TrailStoreErrorKind.NotFound, "UnknownBucket"), (describe.Kind, describe.Code));
        Assert.Contains("Ingestion:Buckets", open.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_folder);
    }
}
