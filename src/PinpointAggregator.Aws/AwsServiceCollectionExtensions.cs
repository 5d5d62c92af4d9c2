using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws.CloudTrail;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Aws.Sqs;

namespace PinpointAggregator.Aws;

/// <summary>Registers the S3 store factory, per-account credentials and the CloudTrail <c>ListPublicKeys</c> client.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AwsOptions"/> (section <c>Aws</c>), validated at start-up, and adds
    /// <see cref="S3TrailStoreFactory"/> as itself: the composition decides which buckets it serves, so it is
    /// not registered as the <see cref="Trail.Storage.ITrailObjectStoreFactory"/>. Adds the
    /// <see cref="SqsNotificationQueueClientFactory"/> likewise, for the composition's notification queues.
    /// </summary>
    public static IServiceCollection AddS3TrailStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AwsOptions>().Bind(configuration.GetSection(AwsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AwsMetrics>();
        services.TryAddSingleton<AccountCredentialsProvider>();
        services.TryAddSingleton<S3TrailStoreFactory>();
        services.TryAddSingleton<SqsNotificationQueueClientFactory>();
        return services;
    }

    /// <summary>
    /// Adds <see cref="ListPublicKeysClient"/>; it uses what <see cref="AddS3TrailStores"/> adds (options, credentials,
    /// metrics). The composition decides whether digests' keys are looked up with it (<see cref="CloudTrailDigestKeySource"/>).
    /// </summary>
    public static IServiceCollection AddCloudTrailPublicKeys(this IServiceCollection services)
    {
        services.TryAddSingleton<ListPublicKeysClient>();
        return services;
    }
}
