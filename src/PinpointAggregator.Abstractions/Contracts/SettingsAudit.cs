namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>Changes to the application's settings (UpdateApplicationSettings).</summary>
[GenerateSerializer, Immutable, Alias("pa.SettingsAudit")]
public sealed record SettingsAudit
{
    [Id(0)] public Change? LastChange { get; init; }

    [Id(1)] public long Changes { get; init; }
}
