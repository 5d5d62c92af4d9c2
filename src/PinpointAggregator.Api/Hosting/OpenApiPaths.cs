using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace PinpointAggregator.Api.Hosting;

/// <summary>
/// The OpenAPI path of a transcoded RPC: its HTTP rule's template as written in the .proto (such as
/// <c>/v1/{name=accounts/*/regions/*/applications/*}</c>), so routes that differ only in a variable's pattern
/// stay distinct; any other endpoint keeps its relative path.
/// </summary>
internal static class OpenApiPaths
{
    public static string Of(ApiDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var rule = description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault()?.HttpRule;
        var template = rule?.PatternCase switch
        {
            Google.Api.HttpRule.PatternOneofCase.Get => rule.Get,
            Google.Api.HttpRule.PatternOneofCase.Post => rule.Post,
            Google.Api.HttpRule.PatternOneofCase.Put => rule.Put,
            Google.Api.HttpRule.PatternOneofCase.Delete => rule.Delete,
            Google.Api.HttpRule.PatternOneofCase.Patch => rule.Patch,
            _ => null,
        };
        // Swashbuckle puts the leading slash in front of the group itself.
        return template?.TrimStart('/') ?? description.RelativePath ?? string.Empty;
    }
}
