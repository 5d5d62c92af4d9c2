using System.Text.Json.Serialization.Metadata;
using PinpointAggregator.Grains.Accounts;
using PinpointAggregator.Grains.Applications;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Grains.Quarantine;

namespace PinpointAggregator.Grains.Tests.State;

/// <summary>
/// Pins the JSON names stored grain state uses. Renaming a C# property of a persisted state type (or of any
/// type inside one, the audit fold's included) renames the JSON property, and a stored state's value under
/// the old name would be dropped silently on the next read. This snapshot makes such a rename a failing
/// test: keep the old name with <c>[JsonPropertyName]</c>, or bump the state's version and move the value in
/// its <see cref="IStateUpgrader"/>; then update the snapshot.
/// </summary>
public sealed class PersistedStateShapeTests
{
    private const string SnapshotFile = "State/persisted-state-shape.txt";

    private static readonly Type[] States = [typeof(OrganizationState), typeof(AccountState), typeof(TrailPrefixState), typeof(ApplicationState), typeof(AccountLevelState), typeof(QuarantineLogState)];

    [Fact]
    public void StoredJsonShape_MatchesTheSnapshot()
    {
        var actual = string.Join('\n', States.SelectMany(t => Shape(t.Name, t, []))) + "\n";
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SnapshotFile));

        if (expected != actual)
        {
            var received = Path.Combine(Path.GetTempPath(), "persisted-state-shape.received.txt");
            File.WriteAllText(received, actual);
            Assert.Fail($"The stored JSON shape of grain state changed (see the class comment for what to do). The new shape is in {received}; compare it with tests/PinpointAggregator.Grains.Tests/{SnapshotFile}.");
        }
    }

    /// <summary>One line per stored property: its JSON path and value type; collections as [] and dictionaries as {}.</summary>
    private static IEnumerable<string> Shape(string path, Type type, HashSet<Type> enclosing)
    {
        var info = GrainStateJsonSerializer.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when enclosing.Add(type):
                foreach (var property in info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    yield return $"{path}.{property.Name}: {Describe(property.PropertyType)}";
                    foreach (var nested in Shape($"{path}.{property.Name}", property.PropertyType, enclosing))
                    {
                        yield return nested;
                    }
                }

                enclosing.Remove(type);
                break;
            case JsonTypeInfoKind.Enumerable:
                foreach (var nested in Shape(path + "[]", info.ElementType!, enclosing))
                {
                    yield return nested;
                }

                break;
            case JsonTypeInfoKind.Dictionary:
                foreach (var nested in Shape(path + "{}", info.ElementType!, enclosing))
                {
                    yield return nested;
                }

                break;
            default:
                break;
        }
    }

    private static string Describe(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Describe(inner) + "?"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;
}
