using TypeRegistry = Google.Protobuf.Reflection.TypeRegistry;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi.Models;

namespace PinpointAggregator.Api.Hosting;

/// <summary>
/// HTTP/JSON for the read RPCs: transcoding of their <c>google.api.http</c> routes, the OpenAPI document at
/// <see cref="OpenApiPath"/>, and the plain HTTP/1.1 endpoint (<see cref="ApiOptions.HttpUrl"/>) that curl and
/// browsers reach. A transcoded call runs the same gRPC service method, interceptors and authentication as
/// a gRPC call: it is one more way in, not another implementation.
/// </summary>
public static class HttpJsonHosting
{
    /// <summary>The OpenAPI document's route; <c>{documentName}</c> is <see cref="DocumentName"/>.</summary>
    public const string OpenApiPath = "/openapi/{documentName}.json";

    public const string DocumentName = "v1";

    private static readonly string ContractDocs = Path.Combine(AppContext.BaseDirectory, "PinpointAggregator.Protos.xml");

    public static WebApplicationBuilder AddPinpointHttpJson(this WebApplicationBuilder builder, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, HttpEndpointValidator>());
        // The error details our services attach (google.rpc.BadRequest, ...) must be known to write them as JSON.
        builder.Services.AddGrpc().AddJsonTranscoding(json => json.TypeRegistry = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor));
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Pinpoint Aggregator",
                Version = DocumentName,
                Description = "The read RPCs of pinpoint.aggregator.v1 as HTTP/JSON (protos/ is the contract; field names in lowerCamelCase).",
            });
            // Resource names make several routes `/v1/{name}` (accounts/*, events/*, accounts/*/regions/*/applications/*):
            // each is keyed by its HTTP rule's template, pattern included, so none hides another.
            swagger.SwaggerGeneratorOptions.PathGroupSelector = OpenApiPaths.Of;
            // The .proto comments, compiled into the contract assembly's XML docs, describe operations and fields.
            if (File.Exists(ContractDocs))
            {
                swagger.IncludeGrpcXmlComments(ContractDocs, includeControllerXmlComments: true);
                swagger.IncludeXmlComments(ContractDocs);
            }
        });

        // An invalid URL is left for the validator to report by option name at start-up.
        if (!string.IsNullOrEmpty(options.HttpUrl) && ApiEndpoint.TryParse(options.HttpUrl, out var http, out _))
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(http.Address, http.Port, listen => listen.Protocols = HttpProtocols.Http1));
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapPinpointOpenApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapSwagger(OpenApiPath.TrimStart('/'));
        return endpoints;
    }
}
