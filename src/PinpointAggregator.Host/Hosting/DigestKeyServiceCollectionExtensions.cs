using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Aws;
using PinpointAggregator.Aws.CloudTrail;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Host.Hosting;

/// <summary>Composes where the silo finds digests' public keys.</summary>
public static class DigestKeyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IDigestPublicKeySource"/> the prefix grains use: a <see cref="CloudTrailDigestKeySource"/> with
    /// the keys of <c>Integrity:PublicKeyFiles</c>, which also asks CloudTrail's <c>ListPublicKeys</c> (with each account's
    /// role) when <c>Integrity:ListPublicKeys</c> is on and some bucket is read from S3. With every bucket a local folder
    /// (the embedded default) it uses the files alone and never calls AWS. Expects <c>AddPinpointIngestion</c> (the
    /// options) and <c>AddS3TrailStores</c> (credentials).
    /// </summary>
    public static IServiceCollection AddDigestPublicKeys(this IServiceCollection services)
    {
        services.AddCloudTrailPublicKeys();
        services.TryAddSingleton<IDigestPublicKeySource>(sp => Create(sp));
        return services;
    }

    /// <summary>True when digests' keys may be looked up on AWS: asked for, and some bucket is on S3.</summary>
    internal static bool ListsPublicKeys(IntegrityOptions integrity, IngestionOptions ingestion) =>
        integrity.ListPublicKeys && ingestion.Buckets.Any(b => b.LocalPath is null);

    private static CloudTrailDigestKeySource Create(IServiceProvider services)
    {
        var integrity = services.GetRequiredService<IOptions<IntegrityOptions>>().Value;
        var ingestion = services.GetRequiredService<IOptions<IngestionOptions>>().Value;

        // The files were loaded once by the options' validator at start-up, so a bad one has stopped the silo already.
        var trusted = new DigestPublicKeySet(integrity.PublicKeyFiles.SelectMany(DigestPublicKeyFile.Load));
        return new CloudTrailDigestKeySource(
            trusted,
            ListsPublicKeys(integrity, ingestion) ? services.GetRequiredService<ListPublicKeysClient>() : null,
            integrity.UnknownKeyRetry,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<CloudTrailDigestKeySource>>());
    }
}
