using System.Text;
using PinpointAggregator.Trail.Pinpoint;

namespace PinpointAggregator.Trail.Tests.Pinpoint;

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
