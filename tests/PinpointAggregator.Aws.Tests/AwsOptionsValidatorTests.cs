using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PinpointAggregator.Aws.Tests;

/// <summary>Bad AWS options stop start-up with a message naming the option, before any AssumeRole is tried.</summary>
public sealed class AwsOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new AwsOptionsValidator().Validate(null, new AwsOptions()).Succeeded);
    }

    [Theory]
    [InlineData("pinpoint-aggregator-{silo}")]
    [InlineData("audit.{host}.{silo}")]
    [InlineData("reader@example.com,team=audit+x_y")]
    [InlineData("{silo}")]
    public void SessionName_WithAllowedTextAndPlaceholders_IsValid(string sessionName)
    {
        Assert.Empty(Failures(new AwsOptions { Roles = { SessionName = sessionName } }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pinpoint aggregator")]
    [InlineData("pinpoint/aggregator")]
    [InlineData("pinpoint-{Silo}")]
    [InlineData("aggregator-é")]
    public void SessionName_WithCharactersStsRefuses_FailsNamingIt(string sessionName)
    {
        var failure = Assert.Single(Failures(new AwsOptions { Roles = { SessionName = sessionName } }));
        Assert.StartsWith("Aws:Roles:SessionName ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionName_LongerThan64CharactersBesidesPlaceholders_FailsNamingIt()
    {
        var failure = Assert.Single(Failures(new AwsOptions { Roles = { SessionName = new string('a', 65) + "{silo}" } }));
        Assert.StartsWith("Aws:Roles:SessionName ", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("pinpoint aggregator")]
    [InlineData("aws:pinpoint")]
    [InlineData("{silo}")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public void SourceIdentity_OutsideStsRules_FailsNamingIt(string sourceIdentity)
    {
        var failure = Assert.Single(Failures(new AwsOptions { Roles = { SourceIdentity = sourceIdentity } }));
        Assert.StartsWith("Aws:Roles:SourceIdentity ", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pa")]
    [InlineData("pinpoint-aggregator@prod.example.com")]
    public void SourceIdentity_EmptyOrWithinStsRules_IsValid(string sourceIdentity)
    {
        Assert.Empty(Failures(new AwsOptions { Roles = { SourceIdentity = sourceIdentity } }));
    }

    [Fact]
    public void ChainedSessionLongerThanAnHour_FailsNamingDuration()
    {
        var failure = Assert.Single(Failures(new AwsOptions { Roles = { HubRoleArn = "arn:aws:iam::999988887777:role/Hub", Duration = TimeSpan.FromHours(2) } }));
        Assert.StartsWith("Aws:Roles:Duration ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddS3TrailStores_WithABadSourceIdentity_FailsOptionsValidationNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Aws:Roles:SourceIdentity"] = "not allowed" }).Build();
        using var services = new ServiceCollection().AddS3TrailStores(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AwsOptions>>().Value);

        Assert.Contains("Aws:Roles:SourceIdentity", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Failures(AwsOptions options)
    {
        var result = new AwsOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Theory]
    [InlineData("cloudtrail.eu-west-1.amazonaws.com")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("")]
    public void CloudTrailServiceUrl_ThatIsNotAnHttpUrl_FailsNamingIt(string url)
    {
        var failure = Assert.Single(Failures(new AwsOptions { CloudTrailServiceUrl = url }));
        Assert.StartsWith("Aws:CloudTrailServiceUrl must be an absolute http or https URL", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4599/")]
    [InlineData("https://cloudtrail.eu-west-1.amazonaws.com")]
    public void CloudTrailServiceUrl_HttpOrHttps_IsValid(string url)
    {
        Assert.Empty(Failures(new AwsOptions { CloudTrailServiceUrl = url }));
    }

    [Theory]
    [InlineData("sqs.us-east-1.amazonaws.com")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("")]
    public void SqsServiceUrl_ThatIsNotAnHttpUrl_FailsNamingIt(string url)
    {
        var failure = Assert.Single(Failures(new AwsOptions { SqsServiceUrl = url }));
        Assert.StartsWith("Aws:SqsServiceUrl must be an absolute http or https URL", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566/")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com")]
    public void SqsServiceUrl_HttpOrHttps_IsValid(string url)
    {
        Assert.Empty(Failures(new AwsOptions { SqsServiceUrl = url }));
    }
}
