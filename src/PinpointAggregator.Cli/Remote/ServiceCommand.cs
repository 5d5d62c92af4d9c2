using System.CommandLine;
using Grpc.Core;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Remote;

/// <summary>
/// Runs a command that talks to the service: resolves the connection, opens the channel, runs the body,
/// and turns what can go wrong into one message on standard error and the exit code of its class.
/// </summary>
internal static class ServiceCommand
{
    public static void SetAction(Command command, string name, ServiceOptions options, CliEnvironment environment, Func<ParseResult, ServiceInvocation, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, name, options, environment, body, cancellationToken));
    }

    private static async Task<int> RunAsync(ParseResult parse, string name, ServiceOptions options, CliEnvironment environment, Func<ParseResult, ServiceInvocation, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        ConnectionSettings settings;
        ServiceConnection connection;
        try
        {
            settings = ConnectionSettingsResolver.Resolve(options.Flags(parse), environment);
            connection = ServiceConnection.Open(settings);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"{name}: {e.Message}");
            return ExitCodes.UsageError;
        }

        using (connection)
        {
            var invocation = new ServiceInvocation(name, connection, output, error, options.Format(parse), parse.GetValue(options.Wide));
            if (connection.TokenInClearText)
            {
                invocation.Note($"warning: the token goes to {settings.Address.Host} over plain http; use an https:// address");
            }

            try
            {
                return await body(parse, invocation, cancellationToken);
            }
            catch (UsageException e)
            {
                await error.WriteLineAsync($"{name}: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (RpcException e) when (cancellationToken.IsCancellationRequested)
            {
                _ = e;
                return ExitCodes.Interrupted;
            }
            catch (RpcException e)
            {
                return RpcFailure.Report(e, name, settings, error);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
        }
    }
}
