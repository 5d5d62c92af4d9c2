namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// A listed key that is not trusted: its stated fingerprint (hex, or <c>(not hex)</c>: it goes to logs) and why it was
/// refused (bytes that are not base64 or not an RSA key, a fingerprint that is not their MD5, a validity that ends
/// before it starts).
/// </summary>
internal sealed record RefusedPublicKey(string StatedFingerprint, string Reason);
