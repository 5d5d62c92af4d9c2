using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Grains.Accounts;

/// <summary>
/// The audit of an account's events that name no application, kept in the audit store beside those events
/// (JSON; <see cref="Version"/> names the shape). Grows with callers and actions, not with events.
/// </summary>
public sealed class AccountLevelState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public ActivityState Activity { get; set; } = new();
}
