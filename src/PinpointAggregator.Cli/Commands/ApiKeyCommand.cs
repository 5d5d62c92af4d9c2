using System.CommandLine;
using System.Text.Json;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Cli.Commands;

/// <summary>
/// <c>api-key create --role viewer|operator [--accounts ...] [--groups ...] [--id ...]</c>: makes an API key,
/// prints it once, and prints the configuration entry (id, salted hash, role, scope) the service needs;
/// the key itself is stored nowhere.
/// </summary>
internal static class ApiKeyCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly char[] ListSeparators = [',', ' '];

    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "viewer (read) or operator (read and operations).", Required = true };
        role.AcceptOnlyFromAmong("viewer", "operator");
        var accounts = new Option<string[]>("--accounts") { Description = "12-digit account ids the key may see (repeat or separate with commas). With no --accounts and no --groups: every account.", AllowMultipleArgumentsPerToken = true };
        var groups = new Option<string[]>("--groups") { Description = "Names of Api:Auth:AccountGroups whose accounts the key may see.", AllowMultipleArgumentsPerToken = true };
        var id = new Option<string?>("--id") { Description = "The key's id (lower-case letters, digits, '-'). Default: random." };
        var create = new Command("create", "Make an API key: print it once, with the configuration entry that holds only its salted hash.")
        {
            role, accounts, groups, id,
        };
        create.SetAction(parse => Run(parse.GetValue(role)!, parse.GetValue(accounts) ?? [], parse.GetValue(groups) ?? [], parse.GetValue(id), Console.Out, Console.Error));
        return new Command("api-key", "API keys for the service's gRPC API.") { create };
    }

    internal static int Run(string role, string[] accounts, string[] groups, string? id, TextWriter output, TextWriter error)
    {
        var accountIds = Split(accounts);
        var groupNames = Split(groups);
        var problems = accountIds.Where(a => !TrailNames.IsAccountId(a)).Select(a => $"'{a}' is not a 12-digit account id")
            .Concat(groupNames.Where(g => !AccountGroupName.IsValid(g)).Select(g => $"'{g}' is not a group name (1 to {AccountGroupName.MaxLength} letters, digits, '-', '_', '.')"))
            .Concat(id is not null && !ApiKey.IsValidId(id) ? [$"'{id}' is not a key id (1 to {ApiKey.MaxIdLength} lower-case letters, digits, '-')"] : [])
            .ToList();
        if (problems.Count > 0)
        {
            error.WriteLine($"api-key create: {string.Join("; ", problems)}");
            return ExitCodes.UsageError;
        }

        var key = ApiKey.Generate(id);
        var hash = ApiKeyHash.Create(key.Secret).ToString();
        var entry = new { Id = key.Id, Hash = hash, Role = role, Accounts = accountIds, Groups = groupNames };
        output.WriteLine("API key (shown only now; the service keeps only its hash):");
        output.WriteLine(key.Format());
        output.WriteLine();
        output.WriteLine("Add this entry to Api:Auth:ApiKeys in the service's configuration:");
        output.WriteLine(JsonSerializer.Serialize(entry, Indented));
        output.WriteLine();
        output.WriteLine("or as environment variables, N being the entry's index:");
        output.WriteLine($"Api__Auth__ApiKeys__N__Id={key.Id}");
        output.WriteLine($"Api__Auth__ApiKeys__N__Hash='{hash}'");
        output.WriteLine($"Api__Auth__ApiKeys__N__Role={role}");
        for (var i = 0; i < accountIds.Length; i++)
        {
            output.WriteLine($"Api__Auth__ApiKeys__N__Accounts__{i}={accountIds[i]}");
        }

        for (var i = 0; i < groupNames.Length; i++)
        {
            output.WriteLine($"Api__Auth__ApiKeys__N__Groups__{i}={groupNames[i]}");
        }

        output.WriteLine();
        output.WriteLine(accountIds.Length == 0 && groupNames.Length == 0
            ? $"Scope: every account ({role})."
            : $"Scope ({role}): accounts [{string.Join(", ", accountIds)}], groups [{string.Join(", ", groupNames)}]; the service must define each group under Api:Auth:AccountGroups.");
        return ExitCodes.Success;
    }

    private static string[] Split(string[] values) =>
        values.SelectMany(v => v.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToArray();
}
