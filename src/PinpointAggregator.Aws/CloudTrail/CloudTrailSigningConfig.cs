using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// What AWSSDK.Core's <c>AWS4Signer</c> reads of a client configuration, for CloudTrail: the signing name
/// <c>cloudtrail</c>. Our mirror serves no AWSSDK.CloudTrail, whose configuration this stands in for; the signing
/// region is set on each request (the digest's region), and the endpoint is ours, so no endpoint rules are needed.
/// </summary>
internal sealed class CloudTrailSigningConfig : ClientConfig
{
    public const string SigningName = "cloudtrail";

    public CloudTrailSigningConfig()
        : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
    {
        AuthenticationServiceName = SigningName;
    }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => "2013-11-01";

    public override string UserAgent => "pinpoint-aggregator";

    /// <summary>Never asked: the signer takes the service name from <see cref="ClientConfig.AuthenticationServiceName"/>.</summary>
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("CloudTrail requests are sent to an endpoint chosen by ListPublicKeysClient.");
}
