using System.Collections.Frozen;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Views;

/// <summary>
/// Finding kinds as people write them: <c>LogModified</c> (as docs/integrity.md names them), and on input also
/// <c>log-modified</c>, <c>LOG_MODIFIED</c> or the enum's full name, in any case.
/// </summary>
internal static class IntegrityKindNames
{
    private static readonly IntegrityFindingKind[] Kinds = [.. Enum.GetValues<IntegrityFindingKind>().Where(k => k != IntegrityFindingKind.Unspecified)];

    private static readonly FrozenDictionary<string, IntegrityFindingKind> ByKey = Kinds.ToFrozenDictionary(k => Key(k.ToString()), StringComparer.Ordinal);

    /// <summary>The kind's name, such as <c>LogModified</c>; <c>Unknown</c> for a kind this CLI does not know.</summary>
    public static string Of(IntegrityFindingKind kind) => kind == IntegrityFindingKind.Unspecified || !Enum.IsDefined(kind) ? "Unknown" : kind.ToString();

    /// <exception cref="UsageException">Not a kind.</exception>
    public static IntegrityFindingKind Parse(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = Key(text.StartsWith("INTEGRITY_FINDING_KIND_", StringComparison.OrdinalIgnoreCase) ? text["INTEGRITY_FINDING_KIND_".Length..] : text);
        return ByKey.TryGetValue(key, out var kind)
            ? kind
            : throw new UsageException($"{option} must be a finding kind ({string.Join(", ", Kinds.Select(k => k.ToString()))}), not '{text}'");
    }

    /// <summary>Letters and digits only, lower case: <c>log-modified</c>, <c>LOG_MODIFIED</c> and <c>LogModified</c> meet.</summary>
    private static string Key(string text) => new([.. text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
}
