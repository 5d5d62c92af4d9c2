namespace PinpointAggregator.Grains.DoneKeys;

/// <summary>What the done-key store knows of one settled key's content, for a digest that lists it.</summary>
/// <param name="Sha256">The hex SHA-256 recorded when the file was read; null when it was not read whole.</param>
/// <param name="Unhashable">Why there is no hash (the quarantine kind and reason); null when there is one or none was recorded.</param>
public readonly record struct DoneKeyHash(string? Sha256, string? Unhashable);
