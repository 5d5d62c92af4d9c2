namespace PinpointAggregator.SampleData.Digests;

/// <summary>What a digest says of its predecessor: the <c>previousDigest*</c> fields.</summary>
internal sealed record PreviousDigest(string Key, string Sha256, string Signature);
