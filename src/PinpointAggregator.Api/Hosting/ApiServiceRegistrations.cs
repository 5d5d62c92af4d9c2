using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Paging;
using PinpointAggregator.Api.Queries;

namespace PinpointAggregator.Api.Hosting;

/// <summary>What the RPC implementations use: options validation, page tokens and watch cursors, and the queries over grains and the event store.</summary>
internal static class ApiServiceRegistrations
{
    public static IServiceCollection AddPinpointApiServices(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PageTokenKeys>();
        services.TryAddSingleton<SignedTokens>();
        services.TryAddSingleton<PageTokens>();
        services.TryAddSingleton<WatchCursors>();
        services.TryAddSingleton<OrganizationSummaryQuery>();
        services.TryAddSingleton<IntegritySummaryQuery>();
        services.TryAddSingleton<NotificationQueueQuery>();
        services.TryAddSingleton<AccountPages>();
        services.TryAddSingleton<AccountPrefixes>();
        services.TryAddSingleton<EventExport>();
        services.TryAddSingleton<EventWatch>();
        return services;
    }
}
