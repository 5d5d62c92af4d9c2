using System.Globalization;
using System.Text.Json.Nodes;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Ecosystem;

/// <summary>
/// A client this project did not write: tests/clients/node (@grpc/grpc-js and @grpc/proto-loader from npm)
/// loads protos/ as any team would and calls health, reflection, GetApplication and SearchEvents; its output is
/// compared line for line with what the service must answer. tests/run-tests.sh runs <c>npm ci</c> there.
/// </summary>
[Collection(SharedService.Name)]
public sealed class NodeClientTests(ServiceFixture service)
{
    private const string EventService = "pinpoint.aggregator.v1.EventService";

    [Fact]
    public async Task NodeClient_HealthReflectionGetApplicationAndSearchEvents_PrintExactlyWhatTheServiceHolds()
    {
        var folder = RepositoryPaths.Of("tests", "clients", "node");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@grpc", "grpc-js")), $"run `npm ci` in {folder} first (tests/run-tests.sh does)");
        var (id, truth) = service.GroundTruth.Applications.First();
        var name = $"accounts/{truth.Account}/regions/{truth.Region}/applications/{id}";

        var (exitCode, output, errors) = await ExternalProcess.RunAsync("node", ["client.js", $"{service.Address.Host}:{service.Address.Port}", name], folder, new Dictionary<string, string> { ["PINPOINT_AUDIT_TOKEN"] = service.Token });

        Assert.True(exitCode == 0, $"node client.js failed ({exitCode}): {errors}");
        var services = MappedServices.Names(service.Services);
        JsonNode[] expected =
        [
            new JsonObject { ["health"] = "SERVING" },
            new JsonObject { ["reflection"] = new JsonObject { ["protocol"] = "v1", ["services"] = new JsonArray([.. services.Select(s => JsonValue.Create(s))]) } },
            new JsonObject
            {
                ["application"] = new JsonObject
                {
                    ["name"] = name,
                    ["applicationId"] = id,
                    ["events"] = truth.Events.ToString(CultureInfo.InvariantCulture),
                    ["deleted"] = truth.Deleted,
                },
            },
            new JsonObject { ["searchEvents"] = services.Contains(EventService) ? await SearchEventsAsSeenByDotNet(truth.Account!, id) : new JsonObject { ["status"] = "UNIMPLEMENTED" } },
        ];
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(expected.Length, lines.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(expected[i], lines[i]), $"line {i + 1}: expected {expected[i].ToJsonString()}, got {lines[i].ToJsonString()}");
        }

        Assert.Contains("pinpoint.aggregator.v1.ApplicationService", services);
    }

    /// <summary>The same request through the .NET client: the page the Node client must print.</summary>
    private async Task<JsonObject> SearchEventsAsSeenByDotNet(string account, string application)
    {
        var page = await new V1.EventService.EventServiceClient(service.Channel).SearchEventsAsync(new SearchEventsRequest
        {
            Filter = new EventFilter { Accounts = { account }, Applications = { application } },
            Order = EventOrder.NewestFirst,
            PageSize = 5,
        });
        Assert.Equal(5, page.Events.Count);
        return new JsonObject
        {
            ["eventIds"] = new JsonArray([.. page.Events.Select(e => JsonValue.Create(e.EventId))]),
            ["morePages"] = page.NextPageToken.Length > 0,
        };
    }
}
