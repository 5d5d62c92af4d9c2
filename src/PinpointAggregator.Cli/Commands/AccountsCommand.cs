using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Cli.Remote;
using PinpointAggregator.Cli.Views;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Commands;

/// <summary><c>accounts [ACCOUNT]</c>: every account's role health and prefix totals, or one account with its prefixes.</summary>
internal static class AccountsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var account = new Argument<string?>("account") { Arity = ArgumentArity.ZeroOrOne, Description = "One account (12 digits, or accounts/ACCOUNT) to show with its prefixes." };
        var problemsOnly = new Option<bool>("--problems-only") { Description = "Only accounts with a failing role or prefix, quarantined files, set-aside events, missed files, integrity violations or a prefix in notification FALLBACK." };
        var paging = PagingOptions.AllByDefault();
        var command = new Command("accounts", "The organization's accounts: role health, prefixes and their modes, events, and what was set aside.")
        {
            account, problemsOnly,
        };
        paging.AddTo(command);
        ServiceCommand.SetAction(command, "accounts", new ServiceOptions(), environment, async (parse, run, cancellationToken) =>
        {
            if (parse.GetValue(account) is { } one)
            {
                var name = one.StartsWith("accounts/", StringComparison.Ordinal) ? one : "accounts/" + one;
                var found = await run.Connection.Organization.GetAccountAsync(new GetAccountRequest { Name = name }, run.Connection.Unary(cancellationToken));
                PrintOne(run, found);
                return ExitCodes.Success;
            }

            var pages = await AccountPages.ReadAsync(run, paging.Read(parse), parse.GetValue(problemsOnly), cancellationToken);
            run.Print(new ListAccountsResponse { Accounts = { pages.Rows }, NextPageToken = pages.NextPageToken }, AccountColumns.All, pages.Rows);
            pages.NoteMore(run);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintOne(ServiceInvocation run, Account account)
    {
        if (run.Format != OutputFormat.Table)
        {
            run.Print(account, AccountColumns.All, [account]);
            return;
        }

        var role = account.Role ?? new RoleHealth();
        TextTable.WriteFields(run.Out,
        [
            ("account", account.Account_),
            ("role", string.IsNullOrEmpty(role.RoleArn) ? "(the service's own credentials)" : role.RoleArn),
            ("role healthy", Flag(role.Healthy)),
            ("role last success", Time(role.LastSuccessTime)),
            ("role last failure", string.IsNullOrEmpty(role.LastErrorCode) ? Time(role.LastFailureTime) : $"{Time(role.LastFailureTime)} {role.LastErrorCode}: {role.LastErrorMessage}"),
            ("account-level events", Number(account.AccountLevelEvents)),
            ("unresolved targets", Number(account.UnresolvedTargets)),
            ("regions ignored", List(account.RegionsIgnored)),
            ("mode", IngestionModeNames.Of(account.Notifications)),
            ("last notification", Time(account.Notifications?.LastNotificationTime)),
            ("integrity violations", Number(account.Integrity?.Violations ?? 0)),
            ("validated through", Time(account.Integrity?.OldestValidatedThrough)),
        ]);
        run.Out.WriteLine();
        TextTable.Write(run.Out, PrefixColumns.All, account.Prefixes, run.Wide);
    }
}
