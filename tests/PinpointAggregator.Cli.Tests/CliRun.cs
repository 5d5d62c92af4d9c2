using PinpointAggregator.Cli;

namespace PinpointAggregator.Cli.Tests;

/// <summary>Runs <c>pinpoint-audit</c> in-process with its output captured, in an environment of the test's choosing.</summary>
internal static class CliRun
{
    /// <summary>No environment variables and no config file.</summary>
    public static CliEnvironment Bare { get; } = new(_ => null, Path.Combine(Path.GetTempPath(), "pa-cli-no-config-" + Guid.NewGuid().ToString("N")));

    public static CliEnvironment With(IReadOnlyDictionary<string, string> variables, string? configFolder = null) =>
        new(name => variables.GetValueOrDefault(name), configFolder ?? Bare.ConfigFolder);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(Bare, args);

    public static async Task<CliResult> RunAsync(CliEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, environment, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>What a CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}
