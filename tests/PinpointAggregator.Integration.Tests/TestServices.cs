using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace PinpointAggregator.Integration.Tests;

/// <summary>
/// The services tests/run-tests.sh starts, found through environment variables. A missing service is a
/// failure with instructions, never a skipped test.
/// </summary>
internal static class TestServices
{
    public const string S3EndpointVariable = "PA_TEST_S3_ENDPOINT";
    public const string PostgresVariable = "PA_TEST_POSTGRES";

    /// <summary>s3rver accepts only this access key (and the same secret).</summary>
    private const string S3rverKey = "S3RVER";

    public static string S3Endpoint => Required(S3EndpointVariable);

    public static string PostgresConnectionString => Required(PostgresVariable);

    public static AmazonS3Client CreateS3Client() => new(
        new BasicAWSCredentials(S3rverKey, S3rverKey),
        new AmazonS3Config
        {
            ServiceURL = S3Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = RegionEndpoint.USEast1.SystemName,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the tests with tests/run-tests.sh, which installs and starts the services they need.");
}
