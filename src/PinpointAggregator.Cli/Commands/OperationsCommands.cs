using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;

namespace PinpointAggregator.Cli.Commands;

/// <summary>The operator's commands (the service asks for the operator role): <c>reread</c>, <c>pause</c>, <c>resume</c>, <c>operations</c>.</summary>
internal static class OperationsCommands
{
    private static readonly IReadOnlyList<Column<string>> PrefixColumn = [new("prefix", p => p, Whole: true)];

    public static IEnumerable<Command> Create(CliEnvironment environment) => [Reread(environment), Pause(environment), Resume(environment), List(environment)];

    private static Command Reread(CliEnvironment environment)
    {
        var account = Account();
        var regions = Regions();
        var from = new Option<string>("--from") { Description = "Files delivered at or after this time: 2024-06-01, 2024-06-01T12:00:00Z, or 24h (ago).", Required = true };
        var to = new Option<string?>("--to") { Description = "Files delivered before this time (default: now)." };
        var command = new Command("reread", "Read an account's files of a time range again (all regions, or --region ones); applying an event twice changes nothing.")
        {
            account, regions, from, to,
        };
        ServiceCommand.SetAction(command, "reread", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var now = environment.Clock.GetUtcNow();
            var request = new RereadRequest
            {
                Account = parse.GetValue(account)!,
                StartTime = TimeText.Parse("--from", parse.GetValue(from)!, now),
                EndTime = TimeText.ParseOptional("--to", parse.GetValue(to), now) ?? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now),
            };
            request.Regions.AddRange(EventFilterOptions.Values(parse, regions));
            var response = await run.Connection.Operations.RereadAsync(request, run.Connection.Unary(cancellationToken));
            run.Print(response, PrefixColumn, response.Prefixes);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Pause(CliEnvironment environment)
    {
        var account = Account();
        var regions = Regions();
        var reason = new Option<string?>("--reason") { Description = "Why, for the status and the log (at most 500 characters)." };
        var command = new Command("pause", "Stop polling an account's prefixes (all regions, or --region ones) until resumed; survives restarts.")
        {
            account, regions, reason,
        };
        ServiceCommand.SetAction(command, "pause", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var request = new PausePrefixesRequest { Account = parse.GetValue(account)!, Reason = parse.GetValue(reason) ?? string.Empty };
            request.Regions.AddRange(EventFilterOptions.Values(parse, regions));
            var response = await run.Connection.Operations.PausePrefixesAsync(request, run.Connection.Unary(cancellationToken));
            run.Print(response, PrefixColumn, response.Prefixes);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Resume(CliEnvironment environment)
    {
        var account = Account();
        var regions = Regions();
        var reason = new Option<string?>("--reason") { Description = "Not sent (resuming needs no reason); accepted so pause and resume take the same options." };
        reason.Hidden = true;
        var command = new Command("resume", "Start polling paused prefixes of an account again, at once.")
        {
            account, regions, reason,
        };
        ServiceCommand.SetAction(command, "resume", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            var request = new ResumePrefixesRequest { Account = parse.GetValue(account)! };
            request.Regions.AddRange(EventFilterOptions.Values(parse, regions));
            var response = await run.Connection.Operations.ResumePrefixesAsync(request, run.Connection.Unary(cancellationToken));
            run.Print(response, PrefixColumn, response.Prefixes);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var command = new Command("operations", "What is running or waiting: first passes, re-reads, paused prefixes, retries, reconciles.");
        ServiceCommand.SetAction(command, "operations", new ServiceOptions(), environment, async (_, run, cancellationToken) =>
        {
            var response = await run.Connection.Operations.ListOperationsAsync(new ListOperationsRequest(), run.Connection.Unary(cancellationToken));
            run.Print(response, OperationColumns.All, response.Operations);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> Account() => new("account") { Description = "The 12-digit AWS account id." };

    private static Option<string[]> Regions() => EventFilterOptions.List("--region", "Regions (default: every region of the account).");
}
