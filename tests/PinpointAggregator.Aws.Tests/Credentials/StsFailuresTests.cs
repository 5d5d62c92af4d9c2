using System.Net;
using System.Net.Sockets;
using System.Xml;
using Amazon.Runtime;
using PinpointAggregator.Aws.Credentials;

namespace PinpointAggregator.Aws.Tests.Credentials;

/// <summary>Which failed renewals keep the held session: every STS answer and every way of not reaching STS.</summary>
public sealed class StsFailuresTests
{
    public static TheoryData<Exception, string> Unreachable() => new()
    {
        { new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)), "HttpRequestException" },
        { new IOException("The response ended prematurely."), "IOException" },
        { new SocketException((int)SocketError.ConnectionReset), "SocketException" },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."), "TaskCanceledException" },
        { new TimeoutException(), "TimeoutException" },
        { new XmlException("Root element is missing."), "XmlException" },
        { new AmazonClientException("Unable to reach STS", new HttpRequestException()), "AmazonClientException" },
        { new AmazonServiceException("Rate exceeded", ErrorType.Sender, "Throttling", "id", HttpStatusCode.BadRequest), "Throttling" },
        { new AmazonServiceException("User is not authorized", ErrorType.Sender, "AccessDenied", "id", HttpStatusCode.Forbidden), "AccessDenied" },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void StsErrorsAndNetworkFailures_KeepTheHeldSession(Exception failure, string code)
    {
        Assert.True(StsFailures.KeepsHeldSession(failure));
        Assert.Equal(code, StsFailures.Code(failure));
    }

    [Fact]
    public void Bugs_AreNotHidden()
    {
        Assert.False(StsFailures.KeepsHeldSession(new InvalidOperationException("a bug")));
        Assert.False(StsFailures.KeepsHeldSession(new ObjectDisposedException("sts")));
    }
}
