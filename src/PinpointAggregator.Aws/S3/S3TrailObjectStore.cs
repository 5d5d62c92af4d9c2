using Amazon.S3;
using Amazon.S3.Model;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws.S3;

/// <summary>One bucket read through AWSSDK.S3 with one account's credentials.</summary>
internal sealed class S3TrailObjectStore(IAmazonS3 s3, string bucket) : ITrailObjectStore
{
    public async Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var response = await s3.ListObjectsV2Async(
                new ListObjectsV2Request
                {
                    BucketName = bucket,
                    Prefix = request.Prefix,
                    StartAfter = request.StartAfter,
                    Delimiter = request.Delimiter,
                    ContinuationToken = request.ContinuationToken,
                },
                cancellationToken).ConfigureAwait(false);

            // SDK v4 returns null collections (and nullable sizes) for empty listings and absent fields.
            return new TrailObjectListing(
                response.S3Objects?.Select(o => new TrailObject(o.Key, o.Size ?? 0)).ToList() ?? [],
                response.CommonPrefixes ?? [],
                response.IsTruncated == true ? response.NextContinuationToken : null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3ErrorClassifier.Classify(e, $"Listing s3://{bucket}/{request.Prefix}");
        }
    }

    public async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream(response.ContentLength is > 0 and < int.MaxValue ? (int)response.ContentLength : 0);
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3ErrorClassifier.Classify(e, $"Reading s3://{bucket}/{key}");
        }
    }
}
