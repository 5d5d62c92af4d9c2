using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Grains.Applications;

/// <summary>Persisted state of an application grain (JSON, in the audit store). <see cref="Version"/> names the shape.</summary>
/// <remarks>
/// The audit fold's own state type, not a contract. It grows with the application's resources and callers,
/// never with its events: the fold's per-event stamps live in the audit store beside the events.
/// Version 3 moved the stamps out (version 2 kept them here as <c>seen</c>).
/// </remarks>
public sealed class ApplicationState
{
    public const int CurrentVersion = 3;

    public int Version { get; set; } = CurrentVersion;

    public ApplicationAuditState Audit { get; set; } = new();
}
