using System.Text.Json;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Cli.Commands;

namespace PinpointAggregator.Cli.Tests;

/// <summary><c>api-key create</c> prints a key once and the entry the service needs; the entry's hash verifies that key and no other.</summary>
public sealed class ApiKeyCommandTests
{
    [Fact]
    public void Create_PrintsTheKeyAndAnEntryWhoseHashVerifiesIt()
    {
        var (status, output, error) = Run("viewer", ["111122223333,444455556666"], ["team-a"], null);

        Assert.Equal(ExitCodes.Success, status);
        Assert.Empty(error);
        var lines = output.Split('\n');
        Assert.True(ApiKey.TryParse(lines[1].Trim(), out var key));
        var entry = JsonDocument.Parse(Json(output)).RootElement;
        Assert.Equal(key.Id, entry.GetProperty("Id").GetString());
        Assert.Equal("viewer", entry.GetProperty("Role").GetString());
        Assert.Equal(["111122223333", "444455556666"], entry.GetProperty("Accounts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["team-a"], entry.GetProperty("Groups").EnumerateArray().Select(g => g.GetString()));
        Assert.True(ApiKeyHash.TryParse(entry.GetProperty("Hash").GetString(), out var hash));
        Assert.True(hash.Matches(key.Secret));
        Assert.False(hash.Matches(ApiKey.Generate().Secret));
        Assert.Single(lines, l => l.Contains(key.Secret, StringComparison.Ordinal));
        Assert.Contains($"Api__Auth__ApiKeys__N__Hash='{entry.GetProperty("Hash").GetString()}'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithoutScope_IsForEveryAccount_AndEachKeyIsNew()
    {
        var (_, first, _) = Run("operator", [], [], null);
        var (_, second, _) = Run("operator", [], [], null);

        Assert.Contains("Scope: every account (operator).", first, StringComparison.Ordinal);
        Assert.NotEqual(first.Split('\n')[1], second.Split('\n')[1]);
        Assert.Empty(JsonDocument.Parse(Json(first)).RootElement.GetProperty("Accounts").EnumerateArray());
    }

    [Fact]
    public void Create_WithAnId_UsesIt()
    {
        var (status, output, _) = Run("operator", [], [], "ci-nightly");

        Assert.Equal(ExitCodes.Success, status);
        Assert.StartsWith("pa_ci-nightly_", output.Split('\n')[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", null, null, "'12345' is not a 12-digit account id")]
    [InlineData(null, "eu/prod", null, "'eu/prod' is not a group name")]
    [InlineData(null, "a:b", null, "'a:b' is not a group name")]
    [InlineData(null, null, "CI_nightly", "'CI_nightly' is not a key id")]
    public void Create_BadScopeOrId_IsAUsageError_AndPrintsNoKey(string? account, string? group, string? id, string expected)
    {
        var (status, output, error) = Run("viewer", account is null ? [] : [account], group is null ? [] : [group], id);

        Assert.Equal(ExitCodes.UsageError, status);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_RefusesAnUnknownRole()
    {
        var root = new System.CommandLine.RootCommand { ApiKeyCommand.Create() };

        var status = await root.Parse(["api-key", "create", "--role", "admin"]).InvokeAsync();

        Assert.NotEqual(ExitCodes.Success, status);
    }

    private static (int Status, string Output, string Error) Run(string role, string[] accounts, string[] groups, string? id)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = ApiKeyCommand.Run(role, accounts, groups, id, output, error);
        return (status, output.ToString(), error.ToString());
    }

    // The entry is the indented JSON object after the key, up to its closing brace.
    private static string Json(string output) => output[output.IndexOf('{', StringComparison.Ordinal)..(output.IndexOf("\n}", StringComparison.Ordinal) + 2)];
}
