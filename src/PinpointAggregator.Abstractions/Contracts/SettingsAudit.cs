namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>Changes to the application's settings (UpdateApplicationSettings).</summary>
[GenerateSerializer, Alias("pa.SettingsAudit")]
public sealed class SettingsAudit
{
    [Id(0)] public Change? LastChange { get; set; }

    [Id(1)] public long Changes { get; set; }
}
