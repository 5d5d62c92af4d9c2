using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Ecosystem;

/// <summary>
/// What the running service maps, read from its endpoints rather than written down here, so tests of
/// reflection, OpenAPI and clients stay right as services are added.
/// </summary>
internal static class MappedServices
{
    private static readonly FileDescriptor[] ContractFiles =
    [
        ApplicationsReflection.Descriptor, EventsReflection.Descriptor, OrganizationReflection.Descriptor, OperationsReflection.Descriptor,
    ];

    /// <summary>The full names of the gRPC services mapped, ordinal order.</summary>
    public static IReadOnlyList<string> Names(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Every method of the mapped contract services that has an HTTP GET route, with that route's path template.</summary>
    public static IReadOnlyList<(MethodDescriptor Method, string Path)> HttpGetRoutes(IServiceProvider services)
    {
        var mapped = Names(services).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. ContractFiles.SelectMany(f => f.Services)
                .Where(s => mapped.Contains(s.FullName))
                .SelectMany(s => s.Methods)
                .Select(m => (Method: m, Rule: m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
                .Where(m => m.Rule is { PatternCase: HttpRule.PatternOneofCase.Get })
                .Select(m => (m.Method, m.Rule!.Get)),
        ];
    }
}
