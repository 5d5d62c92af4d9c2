using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Who may call the gRPC front end (section <c>Api:Auth</c>): API keys, JWTs from an identity provider, or
/// both; the account groups their scopes may name. With neither configured, a loopback endpoint gets an
/// operator API key generated at start (written to <see cref="GeneratedKeyFile"/>), and any other endpoint
/// refuses to start unless <see cref="Mode"/> is <see cref="ApiAuthMode.None"/>.
/// </summary>
public sealed class ApiAuthOptions
{
    public const string SectionName = "Api:Auth";

    /// <summary>Default <see cref="Mode"/>: tokens required.</summary>
    public ApiAuthMode Mode { get; set; } = ApiAuthMode.Tokens;

    /// <summary>The API keys the service accepts, each stored as a salted hash (<c>pinpoint-audit api-key create</c> makes one).</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>JWTs from an identity provider; off unless an authority or signing keys are configured.</summary>
    public JwtAuthOptions Jwt { get; set; } = new();

    /// <summary>Named sets of 12-digit account ids that a key's <c>Groups</c> or a token's groups claim may name.</summary>
    public Dictionary<string, List<string>> AccountGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Where the generated operator key of an unconfigured loopback endpoint is written, readable only by the
    /// user. Default <see cref="DefaultTokenFile.Path"/>: <c>~/.config/pinpoint-audit/token</c>, where clients on this machine look.
    /// </summary>
    public string? GeneratedKeyFile { get; set; }

    /// <summary>True when any way to authenticate is configured.</summary>
    public bool AnyConfigured => ApiKeys.Count > 0 || Jwt.IsConfigured;

    /// <summary><see cref="GeneratedKeyFile"/>, or its default.</summary>
    public string GeneratedKeyPath => GeneratedKeyFile ?? DefaultGeneratedKeyFile;

    public static string DefaultGeneratedKeyFile => DefaultTokenFile.Path;
}
