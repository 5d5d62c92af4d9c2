using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Grains.Prefixes.Digests;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Grains.Tests.Options;

/// <summary>What the ingestion services register for integrity validation, from configuration.</summary>
public sealed class IntegrityRegistrationTests
{
    [Fact]
    public void ByDefault_LogsAreHashedInTheReadingPass_AndFindingsAreKeptInMemory_WithoutAKeySource()
    {
        using var services = Build([]);

        Assert.True(services.GetRequiredService<IOptions<TrailReaderOptions>>().Value.ComputeSha256);
        Assert.IsType<MemoryIntegrityFindingStore>(services.GetRequiredService<IIntegrityFindingStore>());
        var follower = services.GetRequiredService<DigestFollowerServices>();
        Assert.True(follower.Options.Enabled);
        Assert.Null(follower.Keys);
    }

    [Fact]
    public void WithIntegrityOff_LogsAreNotHashed()
    {
        using var services = Build(new() { ["Integrity:Enabled"] = "false" });

        Assert.False(services.GetRequiredService<IOptions<TrailReaderOptions>>().Value.ComputeSha256);
        Assert.False(services.GetRequiredService<DigestFollowerServices>().Options.Enabled);
    }

    [Fact]
    public void ABadDigestReaderLimit_FailsNamingTheOption()
    {
        using var services = Build(new() { ["Trail:DigestReader:MaxLogFiles"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DigestReaderOptions>>().Value);

        Assert.Equal("Trail:DigestReader:MaxLogFiles must be at least 1 (was 0).", Assert.Single(failure.Failures));
    }

    [Fact]
    public void ARegisteredKeySource_IsTheOneDigestsAreCheckedWith()
    {
        var source = new NoKeys();
        var collection = new ServiceCollection().AddSingleton<IDigestPublicKeySource>(source);
        collection.AddPinpointIngestion(new ConfigurationBuilder().Build());
        using var services = collection.BuildServiceProvider();

        Assert.Same(source, services.GetRequiredService<DigestFollowerServices>().Keys);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPinpointIngestion(configuration).BuildServiceProvider();
    }

    private sealed class NoKeys : IDigestPublicKeySource
    {
        public Task<DigestPublicKey?> FindAsync(string accountId, string region, string fingerprint, DateTimeOffset digestEndTime, CancellationToken cancellationToken) =>
            Task.FromResult<DigestPublicKey?>(null);
    }
}
