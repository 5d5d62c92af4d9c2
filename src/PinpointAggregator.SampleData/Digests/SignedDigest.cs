namespace PinpointAggregator.SampleData.Digests;

/// <summary>One digest as CloudTrail wrote it: its period, its content, the SHA-256 of its JSON and its signature.</summary>
/// <param name="Hour">Its period in the stream's <see cref="DigestHours"/>.</param>
/// <param name="Content">Its fields.</param>
/// <param name="Json">Its uncompressed content as written.</param>
/// <param name="Sha256">The hex SHA-256 of <paramref name="Json"/>: its successor's <c>previousDigestHashValue</c>.</param>
/// <param name="Signature">Its hex signature: S3's <c>x-amz-meta-signature</c> and its successor's <c>previousDigestSignature</c>.</param>
internal sealed record SignedDigest(int Hour, DigestContent Content, byte[] Json, string Sha256, string Signature)
{
    public string Key => Content.Key;
}
