using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PinpointAggregator.Aws;
using PinpointAggregator.Grains.Notifications;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Host.Hosting;

/// <summary>Composes the trail stores a silo reads: local folders and S3, routed per bucket.</summary>
public static class TrailStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the S3 side (<see cref="AwsServiceCollectionExtensions.AddS3TrailStores"/>) and
    /// <see cref="TrailStoreRouter"/> as the <see cref="ITrailObjectStoreFactory"/> the grains use, and the digests' public
    /// keys (<see cref="DigestKeyServiceCollectionExtensions.AddDigestPublicKeys"/>), and the notification queues on SQS
    /// (<see cref="SqsNotificationQueues"/>). Expects <c>AddPinpointIngestion</c>
    /// for the bucket list and the integrity options.
    /// </summary>
    public static IServiceCollection AddTrailStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddS3TrailStores(configuration);
        services.TryAddSingleton<ITrailObjectStoreFactory, TrailStoreRouter>();
        services.TryAddSingleton<INotificationQueueClientFactory, SqsNotificationQueues>();
        services.AddDigestPublicKeys();
        return services;
    }
}
