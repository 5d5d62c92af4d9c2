using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PinpointAggregator.Host.Tests.Deploy;

/// <summary>
/// The top-level docker-compose.yml is valid for docker-compose 1.29 (what Debian ships; tests/run-tests.sh
/// installs it) and wires the system as documented. No Docker engine is needed: <c>config</c> only resolves the file.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task DockerComposeConfig_Succeeds_AndTheSilosWaitForTheMigrationAndTheSeed()
    {
        var (exitCode, output, errors) = await RunAsync("docker-compose", "-f", RepositoryFiles.PathOf("docker-compose.yml"), "config");

        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}): {errors}");
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        var services = (YamlMappingNode)stream.Documents[0].RootNode.At("services")!;
        Assert.Equal(
            ["migrate", "minio", "postgres", "sample", "seed", "silo1", "silo2", "silo3"],
            services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
        var addresses = new HashSet<string>();
        foreach (var silo in new[] { "silo1", "silo2", "silo3" })
        {
            var service = services.At(silo)!;
            Assert.Equal("service_completed_successfully", service.Scalar("depends_on", "migrate", "condition"));
            Assert.Equal("service_completed_successfully", service.Scalar("depends_on", "seed", "condition"));
            Assert.Equal("PostgreSql", service.Scalar("environment", "Storage__Provider"));
            var advertised = service.Scalar("environment", "Silo__AdvertisedAddress")!;
            Assert.Equal(advertised, service.Scalar("networks", "pinpoint", "ipv4_address"));
            Assert.True(addresses.Add(advertised), $"{silo} advertises the same address as another silo");
            // The API listens on the container's address and is published on the laptop's loopback.
            Assert.Equal("http://0.0.0.0:50051", service.Scalar("environment", "Api__Url"));
            Assert.Equal("http://0.0.0.0:50052", service.Scalar("environment", "Api__HttpUrl"));
            Assert.Contains(service.Items("ports").Cast<YamlScalarNode>(), p => p.Value!.StartsWith("127.0.0.1:", StringComparison.Ordinal) && p.Value.EndsWith(":50052/tcp", StringComparison.Ordinal));
        }

        Assert.Equal("migrate", services.Items("migrate", "command").Cast<YamlScalarNode>().Single().Value);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
