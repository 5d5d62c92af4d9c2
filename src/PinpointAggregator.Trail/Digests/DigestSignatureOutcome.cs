namespace PinpointAggregator.Trail.Digests;

/// <summary>What checking one digest's signature found.</summary>
public enum DigestSignatureOutcome
{
    /// <summary>The signature is the key's SHA256withRSA signature of the digest's signing string.</summary>
    Valid,

    /// <summary>The signature does not match: the digest's content, its previous signature, its stated location or end time was changed, or the signature was.</summary>
    Invalid,

    /// <summary>The signature is not hex, or is empty: it cannot be a signature at all.</summary>
    MalformedSignature,

    /// <summary>No trusted key has the digest's <c>digestPublicKeyFingerprint</c>.</summary>
    UnknownKey,

    /// <summary>The digest names a signature algorithm other than <c>SHA256withRSA</c>.</summary>
    UnsupportedAlgorithm,
}
