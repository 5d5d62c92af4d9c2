using System.CommandLine;
using PinpointAggregator.Cli.Commands;

namespace PinpointAggregator.Cli;

/// <summary><c>pinpoint-audit</c>'s commands: offline (<c>scan</c>, <c>verify</c>, <c>generate-sample</c>) and against the running service.</summary>
internal static class CliApp
{
    public static RootCommand Create(CliEnvironment environment)
    {
        var root = new RootCommand("PinpointAggregator: audit Amazon Pinpoint across an AWS Organization from its CloudTrail logs.")
        {
            ScanCommand.Create(),
            VerifyCommand.Create(),
            GenerateSampleCommand.Create(),
            ApiKeyCommand.Create(),
            SummaryCommand.Create(environment),
            StatusCommand.Create(environment),
            AccountsCommand.Create(environment),
            AppsCommand.Create(environment),
            HistoryCommand.Create(environment),
            EventsCommand.Create(environment),
            WatchCommand.Create(environment),
            IntegrityCommand.Create(environment),
            NotificationsCommand.Create(environment),
        };
        foreach (var command in OperationsCommands.Create(environment))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs one command line, printing to the given writers (the console's when null).</summary>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration();
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        return Create(environment).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
