using PinpointAggregator.Cli.Commands;

namespace PinpointAggregator.Cli.Tests.Service;

/// <summary><c>pause</c>, <c>resume</c>, <c>reread</c> and <c>operations</c> against the running embedded default.</summary>
[Collection(SharedService.Name)]
public sealed class OperationsCommandsTests(ServiceFixture service)
{
    [Fact]
    public async Task PauseShowsInOperationsAndStatus_ResumeClearsIt()
    {
        var truth = service.GroundTruth.Applications.Values.First();
        var (account, region) = (truth.Account!, truth.Region!);

        var paused = await service.RunAsync("pause", account, "--region", region, "--reason", "cli test");
        var whilePaused = await service.RunAsync("operations", "--output", "csv");
        var status = await service.RunAsync("status", "--output", "csv");
        var resumed = await service.RunAsync("resume", account, "--region", region);
        var afterwards = await service.RunAsync("operations", "--output", "csv");

        Assert.Equal(ExitCodes.Success, paused.ExitCode);
        Assert.Equal(2, paused.Lines.Length);
        Assert.Equal("PREFIX", paused.Lines[0]);
        var prefix = paused.Lines[1];
        Assert.EndsWith($"/{account}/CloudTrail/{region}/", prefix, StringComparison.Ordinal);
        Assert.Contains($"paused,{account},{region},", whilePaused.Out, StringComparison.Ordinal);
        Assert.Contains($",cli test,{prefix}\n", whilePaused.Out, StringComparison.Ordinal);
        Assert.Contains($"\n{account},{region},true,true,", status.Out, StringComparison.Ordinal);
        Assert.Equal<string>(paused.Lines, resumed.Lines);
        Assert.DoesNotContain("paused,", afterwards.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reread_NamesThePrefixesThatReadTheRangeAgain()
    {
        var truth = service.GroundTruth.Applications.Values.First();
        var (account, region) = (truth.Account!, truth.Region!);

        var result = await service.RunAsync("reread", account, "--region", region, "--from", "2024-06-01", "--to", "2024-06-02", "--output", "json");
        var inverted = await service.RunAsync("reread", account, "--from", "2024-06-02", "--to", "2024-06-01");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"/{account}/CloudTrail/{region}/\"", result.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, inverted.ExitCode);
        Assert.StartsWith("reread: the service refused the request (INVALID_ARGUMENT):\n", inverted.Error, StringComparison.Ordinal);
    }
}
