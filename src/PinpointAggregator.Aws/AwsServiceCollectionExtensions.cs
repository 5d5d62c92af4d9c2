using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws;

/// <summary>Registers the trail stores (S3 and local folders) and per-account credentials.</summary>
public static class AwsServiceCollectionExtensions
{
    public static IServiceCollection AddTrailStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AwsOptions>().Bind(configuration.GetSection(AwsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AwsMetrics>();
        services.TryAddSingleton<AccountCredentialsProvider>();
        services.TryAddSingleton<ITrailObjectStoreFactory, TrailObjectStoreFactory>();
        return services;
    }
}
