using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>The signing string is exactly the User Guide's four lines.</summary>
public sealed class DigestSigningStringTests
{
    [Fact]
    public void TheUserGuideExample_IsReproduced()
    {
        // "Recreate the data signing string" in the CloudTrail User Guide: end time, bucket/key, content hash, previous signature.
        const string key = "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/12/111122223333_us-east-2_CloudTrail-Digest_us-east-2_20150812T040131Z.json.gz";
        const string hash = "4ff08d7c6ecd6eb313257e839645d20363ee3784a2328a7d76b99b53cc9bcacd";
        const string previous = "6e8540b83c3ac86a0312d971a225361d28ed0af20d70c211a2d405e32abf529a8145c2966e3bb47362383a52441545ed091fb81";

        var signing = DigestSigningString.Build(new DateTimeOffset(2015, 8, 12, 4, 1, 31, TimeSpan.Zero), "S3-bucket-name", key, hash, previous);

        Assert.Equal($"2015-08-12T04:01:31Z\nS3-bucket-name/{key}\n{hash}\n{previous}", signing);
    }

    [Fact]
    public void FirstDigestOfAChain_EndsWithTheWordNull()
    {
        var digest = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(DigestJson.FirstAndEmpty()))).Digest!;

        var signing = DigestSigningString.For(digest, DigestJson.Hash1);

        Assert.Equal($"2024-06-01T02:00:00Z\n{DigestJson.Bucket}/{DigestJson.Key}\n{DigestJson.Hash1}\nnull", signing);
    }

    [Fact]
    public void ChainedDigest_UsesItsOwnFields()
    {
        var digest = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(DigestJson.Chained()))).Digest!;

        var signing = DigestSigningString.For(digest, DigestJson.Hash2);

        Assert.Equal($"2024-06-01T02:00:00Z\n{DigestJson.Bucket}/{DigestJson.Key}\n{DigestJson.Hash2}\n{DigestJson.PreviousSignature}", signing);
    }

    [Fact]
    public void EndTime_IsWrittenInUtc_WhateverItsOffset()
    {
        var signing = DigestSigningString.Build(new DateTimeOffset(2024, 6, 1, 4, 0, 0, TimeSpan.FromHours(2)), "b", "k", "00", null);

        Assert.StartsWith("2024-06-01T02:00:00Z\n", signing, StringComparison.Ordinal);
    }
}
