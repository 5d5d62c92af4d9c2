using System.Text;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Audit.Tests.Pinpoint;

public sealed class PinpointTargetResolverTests
{
    [Theory]
    [InlineData("{\"Arn\":\"arn\",\"Id\":\"app42\",\"Name\":\"***\"}")]
    [InlineData("{\"ApplicationResponse\":{\"Arn\":\"arn\",\"Id\":\"app42\",\"Name\":\"x\"}}")]
    public void CreateApp_TakesTheApplicationFromTheResponse_FlatOrWrapped(string response)
    {
        var target = Resolve("CreateApp", "{\"Name\":\"***\"}", response);

        Assert.Equal(new PinpointTarget("app42", PinpointResource.Application, "app42", null), target);
    }

    [Fact]
    public void FailedCreateApp_HasNoApplication()
    {
        Assert.Null(Resolve("CreateApp", "{\"Name\":\"***\"}", null).ApplicationId);
    }

    [Theory]
    [InlineData("CreateCampaign", "{\"application-id\":\"a1\"}", "{\"ApplicationId\":\"a1\",\"Id\":\"c9\"}", PinpointResource.Campaign, "c9")]
    [InlineData("CreateCampaign", "{\"application-id\":\"a1\"}", "{\"CampaignResponse\":{\"ApplicationId\":\"a1\",\"Id\":\"c9\"}}", PinpointResource.Campaign, "c9")]
    [InlineData("UpdateCampaign", "{\"application-id\":\"a1\",\"campaign-id\":\"c9\"}", null, PinpointResource.Campaign, "c9")]
    [InlineData("GetCampaignVersion", "{\"application-id\":\"a1\",\"campaign-id\":\"c9\",\"version\":\"3\"}", null, PinpointResource.Campaign, "c9")]
    [InlineData("CreateSegment", "{\"application-id\":\"a1\"}", "{\"SegmentResponse\":{\"Id\":\"s1\"}}", PinpointResource.Segment, "s1")]
    [InlineData("DeleteSegment", "{\"application-id\":\"a1\",\"segment-id\":\"s1\"}", null, PinpointResource.Segment, "s1")]
    [InlineData("CreateImportJob", "{\"application-id\":\"a1\"}", "{\"Id\":\"j1\",\"JobStatus\":\"CREATED\"}", PinpointResource.ImportJob, "j1")]
    [InlineData("GetImportJob", "{\"application-id\":\"a1\",\"job-id\":\"j1\"}", null, PinpointResource.ImportJob, "j1")]
    [InlineData("PutEventStream", "{\"application-id\":\"a1\",\"DestinationStreamArn\":\"arn:aws:kinesis:x\"}", null, PinpointResource.EventStream, null)]
    [InlineData("UpdateApplicationSettings", "{\"application-id\":\"a1\"}", null, PinpointResource.ApplicationSettings, null)]
    [InlineData("GetApp", "{\"application-id\":\"a1\"}", null, PinpointResource.Application, "a1")]
    public void ResourceAndId_ComeFromPathParametersOrTheCreateResponse(string name, string request, string? response, PinpointResource resource, string? id)
    {
        var target = Resolve(name, request, response);

        Assert.Equal(("a1", resource, id), (target.ApplicationId, target.Resource, target.ResourceId));
    }

    [Theory]
    [InlineData("UpdateSmsChannel", PinpointChannel.Sms)]
    [InlineData("DeleteApnsVoipSandboxChannel", PinpointChannel.ApnsVoipSandbox)]
    [InlineData("GetGcmChannel", PinpointChannel.Gcm)]
    [InlineData("UpdateAdmChannel", PinpointChannel.Adm)]
    [InlineData("UpdateBaiduChannel", PinpointChannel.Baidu)]
    [InlineData("UpdateEmailChannel", PinpointChannel.Email)]
    [InlineData("UpdateApnsChannel", PinpointChannel.Apns)]
    [InlineData("UpdateApnsSandboxChannel", PinpointChannel.ApnsSandbox)]
    [InlineData("UpdateApnsVoipChannel", PinpointChannel.ApnsVoip)]
    public void ChannelActions_NameTheChannelType(string name, PinpointChannel channel)
    {
        var target = Resolve(name, "{\"application-id\":\"a1\"}", null);

        Assert.Equal((PinpointResource.Channel, (PinpointChannel?)channel), (target.Resource, target.Channel));
    }

    [Theory]
    [InlineData("x/y")]
    [InlineData("junk-app-123")]
    [InlineData("")]
    [InlineData("app id")]
    [InlineData("apé1")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public void ApplicationIdNotOfPinpointsShape_NamesNoApplication_AndIsKeptAsUnresolved(string hostile)
    {
        var request = "{\"application-id\":" + System.Text.Json.JsonSerializer.Serialize(hostile) + "}";

        var target = Resolve("GetApp", request, null);

        Assert.Equal((null, PinpointResource.Application, null, hostile), (target.ApplicationId, target.Resource, target.ResourceId, target.UnresolvedApplicationId));
    }

    [Fact]
    public void CreateApp_ReturningAnIdNotOfPinpointsShape_NamesNoApplication()
    {
        var target = Resolve("CreateApp", "{\"Name\":\"***\"}", "{\"Id\":\"../etc\"}");

        Assert.Equal((null, "../etc"), (target.ApplicationId, target.UnresolvedApplicationId));
    }

    [Fact]
    public void ValuesKeptFromARecord_AreBounded()
    {
        var huge = new string('c', 10_000);

        var target = Resolve("UpdateCampaign", "{\"application-id\":\"" + huge + "\",\"campaign-id\":\"" + huge + "\"}", null);

        Assert.Null(target.ApplicationId);
        Assert.Equal(PinpointNames.MaxUnresolvedLength + 1, target.UnresolvedApplicationId!.Length);
        Assert.Equal(PinpointNames.MaxUnresolvedLength + 1, target.ResourceId!.Length);
    }

    [Theory]
    [InlineData("a1")]
    [InlineData("3f2a9c0d5e6b4a7f8e9d0c1b2a3f4e5d")]
    [InlineData("A1234567890123456789012345678901234567890123456789012345678901Z")]
    public void ApplicationIdOfPinpointsShape_NamesTheApplication(string id)
    {
        var target = Resolve("GetApp", "{\"application-id\":\"" + id + "\"}", null);

        Assert.Equal((id, (string?)null), (target.ApplicationId, target.UnresolvedApplicationId));
    }

    [Fact]
    public void GetApps_IsAccountLevel()
    {
        Assert.Equal(new PinpointTarget(null, PinpointResource.Application, null, null), Resolve("GetApps", "{\"page-size\":\"1000\"}", null));
    }

    [Fact]
    public void OtherEventSources_HaveNoPinpointTarget()
    {
        var target = PinpointTargetResolver.Resolve("kms.amazonaws.com", "Decrypt", Encoding.UTF8.GetBytes("{\"application-id\":\"a1\"}"), default);

        Assert.Same(PinpointTarget.None, target);
    }

    private static PinpointTarget Resolve(string name, string request, string? response) =>
        PinpointTargetResolver.Resolve(PinpointTargetResolver.PinpointEventSource, name, Encoding.UTF8.GetBytes(request), response is null ? default : Encoding.UTF8.GetBytes(response));
}
