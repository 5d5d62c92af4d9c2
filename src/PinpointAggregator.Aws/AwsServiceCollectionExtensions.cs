using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws;

/// <summary>Registers the trail stores (S3 and local folders) and per-account credentials.</summary>
public static class AwsServiceCollectionExtensions
{
    public static IServiceCollection AddTrailStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AwsOptions>().Bind(configuration.GetSection(AwsOptions.SectionName))
            .Validate(o => o.Roles.Duration >= TimeSpan.FromMinutes(15) && o.Roles.Duration <= TimeSpan.FromHours(12), $"{AwsOptions.SectionName}:Roles:Duration must be 15 minutes to 12 hours (STS's range).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Roles.SessionName), $"{AwsOptions.SectionName}:Roles:SessionName must not be empty.")
            .Validate(o => o.Roles.HubRoleArn is null || o.Roles.Duration <= TimeSpan.FromHours(1), $"{AwsOptions.SectionName}:Roles:Duration must be at most 1 hour with a HubRoleArn: STS limits chained role sessions to 1 hour.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AwsMetrics>();
        services.TryAddSingleton<AccountCredentialsProvider>();
        services.TryAddSingleton<ITrailObjectStoreFactory, TrailObjectStoreFactory>();
        return services;
    }
}
