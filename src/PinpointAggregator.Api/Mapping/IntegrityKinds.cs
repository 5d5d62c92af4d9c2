using System.Collections.Frozen;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Mapping;

/// <summary>
/// Finding kinds between the service's names (<c>Trail.Integrity.IntegrityFindingKind</c>'s, as
/// <see cref="Abstractions.Contracts.IntegrityFindingRecord.Kind"/> holds them) and the API's enum, whose C#
/// members carry the same names.
/// </summary>
internal static class IntegrityKinds
{
    private static readonly FrozenDictionary<string, IntegrityFindingKind> ByName = Enum.GetValues<IntegrityFindingKind>()
        .Where(k => k != IntegrityFindingKind.Unspecified)
        .ToFrozenDictionary(k => k.ToString(), StringComparer.Ordinal);

    /// <summary>The API's kind of a stored name; Unspecified for a name this API does not know (a newer service's).</summary>
    public static IntegrityFindingKind FromName(string name) => ByName.GetValueOrDefault(name, IntegrityFindingKind.Unspecified);

    /// <summary>The stored name of a kind the contract defines (not Unspecified).</summary>
    public static string NameOf(IntegrityFindingKind kind) => kind.ToString();

    /// <summary>
    /// Every kind but the two that only inform: a gap and an unverifiable newest signature. A name this API
    /// does not know (Unspecified) counts as a violation: an auditor is never told "none" about what it cannot read.
    /// </summary>
    public static bool IsViolation(IntegrityFindingKind kind) =>
        kind is not (IntegrityFindingKind.Gap or IntegrityFindingKind.SignatureUnverifiable);

    /// <summary>Counts by stored name as messages, most first (then in the enum's order); zero counts left out.</summary>
    public static IEnumerable<IntegrityKindCount> Counts(IEnumerable<KeyValuePair<string, long>> byName) => byName
        .Where(c => c.Value > 0)
        .Select(c => (Kind: FromName(c.Key), c.Value))
        .GroupBy(c => c.Kind)
        .Select(g => new IntegrityKindCount { Kind = g.Key, Violation = IsViolation(g.Key), Count = g.Sum(c => c.Value) })
        .OrderByDescending(c => c.Count).ThenBy(c => c.Kind);
}
