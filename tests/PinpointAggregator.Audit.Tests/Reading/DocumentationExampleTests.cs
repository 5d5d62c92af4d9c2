using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Audit.Tests.Reading;

/// <summary>The Amazon Pinpoint developer guide's example log file parses to the documented fields.</summary>
public sealed class DocumentationExampleTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "aws-docs-pinpoint-example.json"));

    [Fact]
    public void GetCampaigns_ParsesToDocumentedFields()
    {
        var result = TrailFiles.ReadJson(Example);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(2, result.RecordsRead);
        var e = result.Events[0];
        Assert.Equal("example0-09a3-47d6-a810-c5f9fd2534fe", e.EventId);
        Assert.Equal(new DateTimeOffset(2018, 2, 3, 0, 56, 48, TimeSpan.Zero), e.EventTime);
        Assert.Equal("GetCampaigns", e.EventName);
        Assert.Equal("pinpoint.amazonaws.com", e.EventSource);
        Assert.Equal("AwsApiCall", e.EventType);
        Assert.Equal("us-east-1", e.AwsRegion);
        Assert.Equal("123456789012", e.RecipientAccountId);
        Assert.Equal("example1-b9bb-50fa-abdb-80f274981d60", e.RequestId);
        Assert.Equal("192.0.2.0", e.SourceIpAddress);
        Assert.Equal("Jersey/${project.version} (HttpUrlConnection 1.8.0_144)", e.UserAgent);
        Assert.True(e.ReadOnly);
        Assert.Null(e.ErrorCode);
        Assert.Null(e.ResponseElementsJson);
        Assert.Contains("\"page-size\": \"1000\"", e.RequestParametersJson, StringComparison.Ordinal);
        Assert.Equal(new Trail.Events.CallerIdentity("Root", "arn:aws:iam::123456789012:root", "123456789012", "123456789012", null, null, null), e.Caller);
        Assert.Equal(new PinpointTarget("example71dfa4c1aab66332a5839798f", PinpointResource.Campaign, null, null), e.Target);
    }

    [Fact]
    public void CreateCampaign_ParsesToDocumentedFieldsAndCampaignId()
    {
        var result = TrailFiles.ReadJson(Example);

        var e = result.Events[1];
        Assert.Equal("CreateCampaign", e.EventName);
        Assert.Equal(new DateTimeOffset(2018, 2, 3, 1, 5, 16, TimeSpan.Zero), e.EventTime);
        Assert.False(e.ReadOnly);
        Assert.Equal("aws-cli/1.14.9 Python/3.4.3 Linux/3.4.0+ botocore/1.8.34", e.UserAgent);
        Assert.Equal(new Trail.Events.CallerIdentity("IAMUser", "arn:aws:iam::123456789012:user/userName", "123456789012", "AIDAIHTHRCDA62EXAMPLE", "userName", null, null), e.Caller);
        Assert.Equal(new PinpointTarget("example71dfa4c1aab66332a5839798f", PinpointResource.Campaign, "example54a654f80948680cbba240ede", null), e.Target);
        Assert.StartsWith("{", e.ResponseElementsJson, StringComparison.Ordinal);
        Assert.Contains("\"CampaignStatus\": \"SCHEDULED\"", e.ResponseElementsJson, StringComparison.Ordinal);
    }
}
