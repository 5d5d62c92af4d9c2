using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using PinpointAggregator.Aws.S3;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws.Tests.S3;

/// <summary>What each AWS failure means for the grains: retry soon, back off the account, or give up on a key.</summary>
public sealed class S3ErrorClassifierTests
{
    [Theory]
    [InlineData("SlowDown", HttpStatusCode.ServiceUnavailable, TrailStoreErrorKind.Transient)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError, TrailStoreErrorKind.Transient)]
    [InlineData("RequestTimeTooSkewed", HttpStatusCode.Forbidden, TrailStoreErrorKind.Transient)]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden, TrailStoreErrorKind.Denied)]
    [InlineData("ExpiredToken", HttpStatusCode.BadRequest, TrailStoreErrorKind.Denied)]
    [InlineData("InvalidObjectState", HttpStatusCode.Forbidden, TrailStoreErrorKind.Unreadable)]
    [InlineData("NoSuchKey", HttpStatusCode.NotFound, TrailStoreErrorKind.NotFound)]
    [InlineData("NoSuchBucket", HttpStatusCode.NotFound, TrailStoreErrorKind.NotFound)]
    [InlineData("SomethingNew", (HttpStatusCode)429, TrailStoreErrorKind.Transient)]
    [InlineData("SomethingNew", HttpStatusCode.BadGateway, TrailStoreErrorKind.Transient)]
    [InlineData("InvalidArgument", HttpStatusCode.BadRequest, TrailStoreErrorKind.Failed)]
    public void ServiceError_ByCodeThenStatus(string code, HttpStatusCode status, TrailStoreErrorKind expected)
    {
        var error = S3ErrorClassifier.Classify(new AmazonS3Exception("message", ErrorType.Sender, code, "request-id", status), "Reading s3://b/k");

        Assert.Equal((expected, code), (error.Kind, error.Code));
        Assert.StartsWith("Reading s3://b/k: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceErrorWithoutACode_WrappingANetworkFailure_IsTransient()
    {
        var error = S3ErrorClassifier.Classify(new AmazonServiceException("reset", new IOException("connection reset")), "Listing");

        Assert.Equal(TrailStoreErrorKind.Transient, error.Kind);
    }

    [Theory]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(TimeoutException))]
    public void NetworkFailures_AreTransient(Type exception)
    {
        var error = S3ErrorClassifier.Classify((Exception)Activator.CreateInstance(exception, "boom")!, "Listing");

        Assert.Equal(TrailStoreErrorKind.Transient, error.Kind);
    }

    [Fact]
    public void NoCredentialsResolved_IsDenied()
    {
        var error = S3ErrorClassifier.Classify(new AmazonClientException("Failed to resolve AWS credentials."), "Listing");

        Assert.Equal((TrailStoreErrorKind.Denied, "NoCredentials"), (error.Kind, error.Code));
    }
}
