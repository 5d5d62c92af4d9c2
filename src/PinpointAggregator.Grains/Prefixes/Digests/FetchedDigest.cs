using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>One digest's GET: read (whatever the reading gave), gone since the listing, or failed for now.</summary>
/// <param name="ObjectKey">The digest's key as listed.</param>
/// <param name="Key">The digest's key, parsed.</param>
/// <param name="Read">The reader's outcome; null when the GET did not give a body.</param>
/// <param name="Signature">The object's <c>x-amz-meta-signature</c>; null when the store has none.</param>
/// <param name="Gone">The object was not there any more (deleted after the listing).</param>
/// <param name="Error">Why the GET or the reading failed for now (retried on a later poll); null otherwise.</param>
internal sealed record FetchedDigest(string ObjectKey, TrailKey Key, DigestReadResult? Read, string? Signature, bool Gone, string? Error);
