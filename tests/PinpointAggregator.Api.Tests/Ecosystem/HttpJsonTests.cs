using System.Text.Json.Nodes;
using Google.Protobuf;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Ecosystem;

/// <summary>
/// The read RPCs as HTTP/JSON on the plain HTTP/1.1 endpoint (<c>Api:HttpUrl</c>), called with the real curl:
/// the same answers as gRPC, errors as JSON <c>google.rpc.Status</c> with their details, and an OpenAPI document
/// that lists every route, described by the .proto comments.
/// </summary>
[Collection(SharedService.Name)]
public sealed class HttpJsonTests(ServiceFixture service)
{
    private readonly ApplicationService.ApplicationServiceClient _grpc = new(service.Channel);

    [Fact]
    public async Task GetApplication_AsJson_IsTheGrpcAnswer_ForEveryApplicationOfTheSample()
    {
        Assert.NotEmpty(service.GroundTruth.Applications);
        foreach (var (id, truth) in service.GroundTruth.Applications)
        {
            var name = $"accounts/{truth.Account}/regions/{truth.Region}/applications/{id}";
            var (status, body) = await Curl.GetAsync(new Uri(service.HttpAddress, "/v1/" + name), service.Bearer);

            Assert.Equal(200, status);
            var json = JsonNode.Parse(body)!;
            Assert.Equal(id, (string?)json["applicationId"]);
            Assert.Equal(truth.Events, (long?)json["activity"]!["events"]);
            Assert.Equal(truth.Deleted, json["deleted"] is not null);
            // Field for field what gRPC answers.
            Assert.Equal(await _grpc.GetApplicationAsync(new GetApplicationRequest { Name = name }), JsonParser.Default.Parse<Application>(body));
        }
    }

    [Theory]
    [InlineData("/v1/accounts/123/regions/us-east-1/applications/abc")]
    [InlineData("/v1/accounts/123456789012/regions/mars/applications/abc")]
    [InlineData("/v1/accounts/123456789012/regions/us-east-1/applications/a%2Fb")]
    public async Task GetApplication_MalformedName_Is400WithTheBadRequestNamingTheField(string path)
    {
        var (status, json) = await Curl.GetJsonAsync(new Uri(service.HttpAddress, path), service.Bearer);

        Assert.Equal(400, status);
        Assert.Equal(3, (int?)json["code"]); // INVALID_ARGUMENT
        var detail = Assert.Single(json["details"]!.AsArray())!;
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", (string?)detail["@type"]);
        Assert.Equal(["name"], detail["fieldViolations"]!.AsArray().Select(v => (string?)v!["field"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Authorization: Bearer pa_nosuchkey_0000")]
    public async Task JsonRoute_WithoutAValidToken_Is401_AsGrpcIsUnauthenticated(string? header)
    {
        var (truthId, truth) = service.GroundTruth.Applications.First();
        var url = new Uri(service.HttpAddress, $"/v1/accounts/{truth.Account}/regions/{truth.Region}/applications/{truthId}");

        var (status, body) = header is null ? await Curl.GetAsync(url) : await Curl.GetAsync(url, header);

        Assert.Equal(401, status);
        Assert.DoesNotContain(truthId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApplication_Unknown_Is404()
    {
        var (status, json) = await Curl.GetJsonAsync(new Uri(service.HttpAddress, "/v1/accounts/123456789012/regions/us-east-1/applications/nosuchapp0"), service.Bearer);

        Assert.Equal(404, status);
        Assert.Equal(5, (int?)json["code"]); // NOT_FOUND
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryHttpRouteOfTheMappedServices_AsGet()
    {
        var routes = MappedServices.HttpGetRoutes(service.Services);
        Assert.Contains(routes, r => r.Method.FullName == "pinpoint.aggregator.v1.ApplicationService.GetApplication");

        var (status, document) = await Curl.GetJsonAsync(new Uri(service.HttpAddress, "/openapi/v1.json"));

        Assert.Equal(200, status);
        Assert.StartsWith("3.", (string?)document["openapi"], StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();
        foreach (var (method, template) in routes)
        {
            // Keyed by the rule's template, pattern included: several resource-name routes would all be /v1/{name}.
            var path = template;
            Assert.True(paths[path]?["get"] is not null, $"{method.FullName}: GET {path} is not in the OpenAPI document");
            // Described with the method's comment in the .proto.
            Assert.False(string.IsNullOrWhiteSpace((string?)paths[path]!["get"]!["summary"]), $"{method.FullName} has no summary");
        }
    }

    [Fact]
    public async Task GrpcEndpoint_IsNotWhereCurlGoes_ButTheHttpEndpointAnswersHttp11()
    {
        // Plain HTTP/2 needs prior knowledge, so the gRPC endpoint refuses curl's HTTP/1.1 ...
        var (status, body) = await Curl.GetAsync(new Uri(service.Address, "/openapi/v1.json"));
        Assert.Equal(400, status);
        Assert.Contains("HTTP/2 only endpoint", body, StringComparison.Ordinal);
        // ... which is why Api:HttpUrl exists.
        Assert.Equal(200, (await Curl.GetAsync(new Uri(service.HttpAddress, "/openapi/v1.json"))).Status);
    }
}
