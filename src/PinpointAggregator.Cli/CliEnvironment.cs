namespace PinpointAggregator.Cli;

/// <summary>
/// What a command reads from the process's surroundings besides its arguments: environment variables and
/// the user's configuration folder. Tests pass their own, so precedence is tested without touching the process.
/// </summary>
/// <param name="Variable">An environment variable's value, or null when unset.</param>
/// <param name="ConfigFolder">Where <c>pinpoint-audit/config.json</c> is looked for by default (<c>$XDG_CONFIG_HOME</c> or <c>~/.config</c>).</param>
internal sealed record CliEnvironment(Func<string, string?> Variable, string ConfigFolder)
{
    /// <summary>The clock that times like <c>--from 24h</c> count back from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The running process's environment.</summary>
    public static CliEnvironment Process() =>
        // ApplicationData is $XDG_CONFIG_HOME or ~/.config on Linux: where the service writes its generated key.
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify));
}
