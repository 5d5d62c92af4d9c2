namespace PinpointAggregator.Api.Security;

/// <summary>
/// One accepted API key (an entry of <c>Api:Auth:ApiKeys</c>), as <c>pinpoint-audit api-key create</c> prints
/// it. With no <see cref="Accounts"/> and no <see cref="Groups"/> the key sees every account; with either, it
/// sees only the accounts listed and those of the groups named.
/// </summary>
public sealed class ApiKeyOptions
{
    /// <summary>The id in the token (<c>pa_{id}_{secret}</c>): 1–64 lower-case letters, digits and '-'; unique.</summary>
    public string? Id { get; set; }

    /// <summary>The secret's salted hash, <c>hmac-sha256${salt}${digest}</c>; never the secret itself.</summary>
    public string? Hash { get; set; }

    /// <summary><c>viewer</c> (read) or <c>operator</c> (read and operations).</summary>
    public string? Role { get; set; }

    /// <summary>12-digit account ids the key may see.</summary>
    public List<string> Accounts { get; set; } = [];

    /// <summary>Names of <c>Api:Auth:AccountGroups</c> whose accounts the key may see.</summary>
    public List<string> Groups { get; set; } = [];
}
