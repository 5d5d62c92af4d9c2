using System.Net;
using System.Text;
using PinpointAggregator.Aws.CloudTrail;

namespace PinpointAggregator.Aws.Tests.CloudTrail;

/// <summary>A failed CloudTrail answer's code, wherever CloudTrail put it, and what kind of failure it is.</summary>
public sealed class CloudTrailErrorTests
{
    [Theory]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.cloudtrail.v20131101/", "", "ThrottlingException")]
    [InlineData(null, """{"__type":"com.amazonaws.cloudtrail.v20131101#AccessDeniedException","message":"no"}""", "AccessDeniedException")]
    [InlineData(null, """{"message":"no","code":"InvalidTimeRangeException"}""", "InvalidTimeRangeException")]
    [InlineData(null, """{"message":{"nested":1},"__type":"UnrecognizedClientException"}""", "UnrecognizedClientException")]
    [InlineData(null, "<html>502 Bad Gateway</html>", "HTTP400")]
    [InlineData(null, """{"__type":"has spaces and : colons"}""", "HTTP400")]
    [InlineData(null, """{"__type":"Bad\u0001Code"}""", "HTTP400")]
    [InlineData(null, "", "HTTP400")]
    public void Code_FromTheHeader_ThenTheBody_ElseTheStatus(string? header, string body, string code)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", header);
        }

        Assert.Equal(code, CloudTrailError.From(response.StatusCode, response.Headers, Encoding.UTF8.GetBytes(body)).Code);
    }

    [Fact]
    public void Code_LongerThan64Characters_IsNotUsed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", new string('A', 65));

        Assert.Equal("HTTP400", CloudTrailError.From(response.StatusCode, response.Headers, []).Code);
    }

    [Theory]
    [InlineData("AccessDeniedException", HttpStatusCode.BadRequest, true, false, false)]
    [InlineData("UnrecognizedClientException", HttpStatusCode.BadRequest, true, false, false)]
    [InlineData("ExpiredTokenException", HttpStatusCode.BadRequest, true, false, false)]
    [InlineData("InvalidSignatureException", HttpStatusCode.Forbidden, true, false, false)]
    [InlineData("HTTP403", HttpStatusCode.Forbidden, true, false, false)]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest, false, true, false)]
    [InlineData("HTTP429", HttpStatusCode.TooManyRequests, false, true, false)]
    [InlineData("InternalFailure", HttpStatusCode.InternalServerError, false, false, true)]
    [InlineData("HTTP503", HttpStatusCode.ServiceUnavailable, false, false, true)]
    [InlineData("InvalidTimeRangeException", HttpStatusCode.BadRequest, false, false, false)]
    public void Kind(string code, HttpStatusCode status, bool denied, bool throttled, bool serverSide)
    {
        var error = new CloudTrailError(status, code);

        Assert.Equal((denied, throttled, serverSide), (error.IsDenied, error.IsThrottled, error.IsServerSide));
    }
}
