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

    /// <remarks>
    /// Returns once the response headers are in; the body is read from the connection as the caller reads,
    /// so nothing is buffered here. Disposing the stream disposes the response (and frees or drops the
    /// connection), even when the body was not read to its end.
    /// </remarks>
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            return new S3ObjectStream(response, $"s3://{bucket}/{key}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3ErrorClassifier.Classify(e, $"Reading s3://{bucket}/{key}");
        }
    }

    /// <remarks>The user metadata comes with the GET's headers; the SDK names them <c>x-amz-meta-NAME</c>.</remarks>
    public async Task<TrailObjectContent> OpenWithMetadataAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in response.Metadata.Keys)
            {
                var plain = name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) ? name[MetadataPrefix.Length..] : name;
                metadata[plain.ToLowerInvariant()] = response.Metadata[name];
            }

            return new TrailObjectContent(new S3ObjectStream(response, $"s3://{bucket}/{key}"), metadata);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3ErrorClassifier.Classify(e, $"Reading s3://{bucket}/{key}");
        }
    }

    private const string MetadataPrefix = "x-amz-meta-";
}
