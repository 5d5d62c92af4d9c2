using System.Text.Json.Nodes;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Brings a persisted state written in an older shape to the current one, on the JSON, before it is read
/// into the state type. <see cref="GrainStateJsonSerializer"/> calls it when a stored <c>version</c> is below
/// <see cref="CurrentVersion"/>; the grain then works with, and writes back, the current shape.
/// </summary>
/// <remarks>
/// Working on the JSON is what makes a rename or a changed type upgradable: the old property is still there
/// to be moved or converted, where binding straight to the new type would drop it or fail.
/// </remarks>
public interface IStateUpgrader
{
    /// <summary>The persisted state type this upgrader serves.</summary>
    Type StateType { get; }

    /// <summary>The version the state type's shape has now (its <c>CurrentVersion</c>).</summary>
    int CurrentVersion { get; }

    /// <summary>Rewrites <paramref name="state"/>, stored as <paramref name="storedVersion"/>, into the current shape, in place.</summary>
    void Upgrade(JsonObject state, int storedVersion);
}
