namespace PinpointAggregator.Audit.Fold;

/// <summary>Changes to the application's settings (UpdateApplicationSettings).</summary>
public sealed class SettingsState
{
    public Change? LastChange { get; set; }

    public long Changes { get; set; }
}
