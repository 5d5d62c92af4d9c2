using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Authentication (API keys and, when configured, JWTs, both as bearer tokens) and authorization (a gate
/// on every gRPC call) for the front end; see docs/security.md.
/// </summary>
public static class ApiSecurityExtensions
{
    /// <summary>The scheme that picks the API key or the JWT handler by the token's shape.</summary>
    public const string BearerScheme = "PinpointBearer";

    /// <param name="services">The web host's services.</param>
    /// <param name="options">The <c>Api</c> section as bound at build time: whether JWTs are configured decides which handlers exist.</param>
    public static IServiceCollection AddPinpointApiSecurity(this IServiceCollection services, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiAuthOptionsValidator>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<CallerAccessFactory>();
        services.AddSingleton<CallerGate>();
        services.AddSingleton<ICallerAccessResolver, ClaimsCallerAccessResolver>();
        services.AddHostedService<GeneratedApiKey>();

        // Registered, so gRPC takes the one instance instead of making one per call.
        services.AddSingleton<CallerAuthorizationInterceptor>();
        services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<CallerAuthorizationInterceptor>());

        var jwt = options.Auth.Jwt.IsConfigured;
        var authentication = services.AddAuthentication(BearerScheme)
            .AddPolicyScheme(BearerScheme, "API key or JWT", policy => policy.ForwardDefaultSelector = context =>
                jwt && BearerToken.Of(context.Request) is { } token && !ApiKey.HasPrefix(token) ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        if (jwt)
        {
            authentication.AddJwtBearer();
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<IOptions<ApiOptions>>((bearer, api) => JwtBearerSetup.Apply(bearer, api.Value.Auth.Jwt));
        }

        return services;
    }
}
