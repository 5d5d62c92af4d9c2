using System.Globalization;
using System.Text.Json.Nodes;

namespace PinpointAggregator.Api.Tests.Ecosystem;

/// <summary>The real <c>curl</c> binary, over plain HTTP/1.1, as a person at a terminal would call the service.</summary>
internal static class Curl
{
    private const string StatusMarker = "\n--http-status:";

    public static async Task<(int Status, string Body)> GetAsync(Uri url, params string[] headers)
    {
        var arguments = new List<string> { "--silent", "--show-error", "--http1.1", "--write-out", StatusMarker + "%{http_code}" };
        foreach (var header in headers)
        {
            arguments.AddRange(["--header", header]);
        }

        arguments.Add(url.AbsoluteUri);
        var (exitCode, output, errors) = await ExternalProcess.RunAsync("curl", arguments);
        Assert.True(exitCode == 0, $"curl {url} failed ({exitCode}): {errors}");
        var marker = output.LastIndexOf(StatusMarker, StringComparison.Ordinal);
        return (int.Parse(output[(marker + StatusMarker.Length)..], CultureInfo.InvariantCulture), output[..marker]);
    }

    public static async Task<(int Status, JsonNode Json)> GetJsonAsync(Uri url, params string[] headers)
    {
        var (status, body) = await GetAsync(url, headers);
        return (status, JsonNode.Parse(body) ?? throw new Xunit.Sdk.XunitException($"{url} answered no JSON: '{body}'"));
    }
}
