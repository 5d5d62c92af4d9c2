using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.Security;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// Test-only: a call carrying <see cref="TestCaller.Header"/> is made by the caller it describes (role and
/// account scope); any other call is resolved as the service would. Lets one running service serve
/// unrestricted, scoped and viewer callers without an identity provider.
/// </summary>
internal sealed class TestCallerAccessResolver(ICallerAccessResolver inner) : ICallerAccessResolver
{
    public CallerAccess Resolve(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue(TestCaller.Header);
        return header is null ? inner.Resolve(context) : TestCaller.Parse(header);
    }

    /// <summary>Wraps the resolver the service registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ICallerAccessResolver));
        services.Remove(registered);
        services.AddSingleton<ICallerAccessResolver>(sp => new TestCallerAccessResolver(
            (ICallerAccessResolver)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!))));
    }
}
