using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace PinpointAggregator.Integration.Tests;

/// <summary>
/// The services tests/run-tests.sh starts, found through environment variables. A missing service is a
/// failure with instructions, never a skipped test.
/// </summary>
internal static class TestServices
{
    public const string S3EndpointVariable = "PA_TEST_S3_ENDPOINT";
    public const string SqsEndpointVariable = "PA_TEST_SQS_ENDPOINT";
    public const string PostgresVariable = "PA_TEST_POSTGRES";
    public const string PostgresBinVariable = "PA_TEST_PG_BIN";
    public const string PostgresUserVariable = "PA_TEST_PG_USER";

    /// <summary>s3rver accepts only this access key (and the same secret).</summary>
    private const string S3rverKey = "S3RVER";

    public static string S3Endpoint => Required(S3EndpointVariable);

    /// <summary>fauxqs: SQS and SNS on one endpoint. It checks no signature; any credentials do.</summary>
    public static string SqsEndpoint => Required(SqsEndpointVariable);

    public static string PostgresConnectionString => Required(PostgresVariable);

    /// <summary>The folder of PostgreSQL's initdb and pg_ctl, for tests that run a server of their own.</summary>
    public static string PostgresBin => Required(PostgresBinVariable);

    /// <summary>The user to run PostgreSQL's tools as (through runuser), or null to run them as this process's user. PostgreSQL refuses to run as root.</summary>
    public static string? PostgresUser => Environment.GetEnvironmentVariable(PostgresUserVariable) is { Length: > 0 } user ? user : null;

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

    /// <summary>An SQS client for fauxqs, as a test (not the service) uses it: to create queues, send, and look.</summary>
    public static AmazonSQSClient CreateSqsClient() => new(
        new BasicAWSCredentials(S3rverKey, S3rverKey),
        new AmazonSQSConfig { ServiceURL = SqsEndpoint, AuthenticationRegion = RegionEndpoint.USEast1.SystemName });

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the tests with tests/run-tests.sh, which installs and starts the services they need.");
}
