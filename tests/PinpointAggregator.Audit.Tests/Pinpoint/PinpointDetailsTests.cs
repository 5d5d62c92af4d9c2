using PinpointAggregator.Trail.Events;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Audit.Tests.Pinpoint;

public sealed class PinpointDetailsTests
{
    private static AuditEvent Event(string name, PinpointResource resource, string? request, string? response, PinpointChannel? channel = null) => new()
    {
        EventId = "e1",
        EventTime = new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero),
        EventSource = "pinpoint.amazonaws.com",
        EventName = name,
        Caller = CallerIdentity.Unknown,
        RequestParametersJson = request,
        ResponseElementsJson = response,
        Target = new PinpointTarget("app1", resource, null, channel),
        IsWrite = true,
        Details = PinpointDetails.None,
    };

    /// <summary>The details of an event's bodies, read as the mapper reads them: on their bytes.</summary>
    private static PinpointDetails Of(AuditEvent e) => PinpointDetails.Of(
        e.EventName, e.Target.Resource, e.Failed, Utf8(e.RequestParametersJson), Utf8(e.ResponseElementsJson));

    private static byte[] Utf8(string? json) => json is null ? [] : System.Text.Encoding.UTF8.GetBytes(json);

    private static PinpointDetails CreateApp(string? request, string? response) =>
        Of(Event("CreateApp", PinpointResource.Application, request, response));

    [Theory]
    [InlineData(null, "{\"Arn\":\"arn\",\"Id\":\"app1\",\"Name\":\"orders\"}")]
    [InlineData(null, "{\"ApplicationResponse\":{\"Arn\":\"arn\",\"Id\":\"app1\",\"Name\":\"orders\"}}")]
    [InlineData("{\"Name\":\"orders\"}", null)]
    [InlineData("{\"CreateApplicationRequest\":{\"Name\":\"orders\",\"tags\":{}}}", null)]
    [InlineData("{\"Name\":\"request\"}", "{\"Id\":\"app1\",\"Name\":\"orders\"}")]
    [InlineData("{\"Name\":\"orders\"}", "{\"Id\":\"app1\"}")]
    public void CreateApp_NameFromResponseThenRequest_FlatOrWrapped(string? request, string? response)
    {
        Assert.Equal(new PinpointDetails("orders", null, null, null), CreateApp(request, response));
    }

    [Theory]
    [InlineData("{\"Name\":\"***\"}", "{\"Arn\":\"arn\",\"Id\":\"app1\",\"Name\":\"***\"}")]
    [InlineData("{\"Name\":\"***\"}", null)]
    [InlineData(null, "{\"ApplicationResponse\":{\"Id\":\"app1\",\"Name\":\"***\"}}")]
    [InlineData("{}", "{\"Id\":\"app1\"}")]
    [InlineData(null, null)]
    public void CreateApp_RedactedOrAbsentName_IsNull(string? request, string? response)
    {
        Assert.Null(CreateApp(request, response).Name);
    }

    [Fact]
    public void Name_IsOnlyTakenFromCreateApp()
    {
        Assert.Null(Of(Event("UpdateCampaign", PinpointResource.Campaign, "{\"Name\":\"spring\"}", "{\"Name\":\"spring\"}")).Name);
    }

    [Theory]
    [InlineData("{\"application-id\":\"app1\",\"WriteEventStream\":{\"DestinationStreamArn\":\"arn:aws:kinesis:us-east-1:111122223333:stream/s\",\"RoleArn\":\"r\"}}", null)]
    [InlineData("{\"application-id\":\"app1\",\"DestinationStreamArn\":\"arn:aws:kinesis:us-east-1:111122223333:stream/s\"}", null)]
    [InlineData("{\"application-id\":\"app1\"}", "{\"EventStream\":{\"ApplicationId\":\"app1\",\"DestinationStreamArn\":\"arn:aws:kinesis:us-east-1:111122223333:stream/s\"}}")]
    [InlineData("{\"DestinationStreamArn\":\"arn:old\"}", "{\"DestinationStreamArn\":\"arn:aws:kinesis:us-east-1:111122223333:stream/s\"}")]
    public void PutEventStream_TakesTheDestination(string? request, string? response)
    {
        var details = Of(Event("PutEventStream", PinpointResource.EventStream, request, response));

        Assert.Equal("arn:aws:kinesis:us-east-1:111122223333:stream/s", details.DestinationStreamArn);
    }

    [Fact]
    public void Destination_IsOnlyTakenForTheEventStream()
    {
        Assert.Null(Of(Event("CreateApp", PinpointResource.Application, "{\"DestinationStreamArn\":\"arn\"}", null)).DestinationStreamArn);
    }

    [Theory]
    [InlineData("{\"application-id\":\"app1\",\"SMSChannelRequest\":{\"Enabled\":true}}", null, true)]
    [InlineData("{\"application-id\":\"app1\",\"SMSChannelRequest\":{\"Enabled\":false}}", null, false)]
    [InlineData("{\"application-id\":\"app1\"}", "{\"SMSChannelResponse\":{\"Enabled\":true,\"Version\":2}}", true)]
    [InlineData("{\"Enabled\":true}", "{\"Enabled\":false}", false)]
    [InlineData("{\"application-id\":\"app1\"}", null, null)]
    public void Channel_EnabledFromResponseThenRequest(string? request, string? response, bool? enabled)
    {
        var details = Of(Event("UpdateSmsChannel", PinpointResource.Channel, request, response, PinpointChannel.Sms));

        Assert.Equal(enabled, details.Enabled);
    }

    [Fact]
    public void Enabled_IsOnlyTakenForChannels()
    {
        Assert.Null(Of(Event("UpdateCampaign", PinpointResource.Campaign, "{\"Enabled\":true}", "{\"Enabled\":true}")).Enabled);
    }

    [Theory]
    [InlineData("{\"CampaignResponse\":{\"Id\":\"c1\",\"Version\":3}}", 3)]
    [InlineData("{\"Id\":\"c1\",\"Version\":7}", 7)]
    [InlineData("{\"Id\":\"c1\",\"Version\":\"12\"}", 12)]
    [InlineData("{\"Id\":\"c1\",\"Version\":-1}", null)]
    [InlineData("{\"Id\":\"c1\",\"Version\":1.5}", null)]
    [InlineData("{\"Id\":\"c1\",\"Version\":\"***\"}", null)]
    [InlineData("{\"Id\":\"c1\"}", null)]
    [InlineData(null, null)]
    public void Version_ComesFromTheResponseAsAWholeNumber(string? response, int? version)
    {
        var details = Of(Event("UpdateCampaign", PinpointResource.Campaign, "{\"application-id\":\"app1\",\"campaign-id\":\"c1\"}", response));

        Assert.Equal(version, details.Version);
    }

    [Fact]
    public void Version_IsNotTakenFromTheRequest()
    {
        Assert.Null(Of(Event("UpdateCampaign", PinpointResource.Campaign, "{\"Version\":5}", null)).Version);
    }

    [Fact]
    public void FailedCall_HasNoDetails()
    {
        var failed = Event("CreateApp", PinpointResource.Application, "{\"Name\":\"orders\"}", "{\"Id\":\"app1\",\"Name\":\"orders\",\"Version\":1}") with
        {
            ErrorCode = "BadRequestException",
        };
        var failedChannel = Event("UpdateSmsChannel", PinpointResource.Channel, "{\"Enabled\":true}", null, PinpointChannel.Sms) with { ErrorCode = "X" };

        Assert.Equal(PinpointDetails.None, Of(failed));
        Assert.Equal(new PinpointDetails(null, null, null, null), Of(failedChannel));
        Assert.Equal(new PinpointDetails("orders", null, null, 1), Of(failed with { ErrorCode = null }));
    }
}
