using PinpointAggregator.Grains.Audit;
using PinpointAggregator.Trail.Events;
using PinpointAggregator.Trail.Pinpoint;

namespace PinpointAggregator.Grains.Tests.Audit;

public sealed class AuditEventMapperTests
{
    private static readonly DateTimeOffset Time = new(2024, 6, 1, 12, 30, 15, TimeSpan.FromHours(2));

    private static TrailEvent Record(string name, bool? readOnly = null, PinpointTarget? target = null) => new()
    {
        EventId = "e1",
        EventTime = Time,
        EventSource = "pinpoint.amazonaws.com",
        EventName = name,
        ReadOnly = readOnly,
        Caller = new CallerIdentity("AssumedRole", "arn:aws:sts::111122223333:assumed-role/ops/s", "111122223333", null, null, "arn:aws:iam::111122223333:role/ops", null),
        SourceIpAddress = "192.0.2.10",
        Target = target ?? new PinpointTarget("app1", PinpointResource.Application, "app1", null),
    };

    [Theory]
    [InlineData("GetCampaign", null, false)]
    [InlineData("ListTemplates", null, false)]
    [InlineData("DescribeSomething", null, false)]
    [InlineData("UpdateCampaign", null, true)]
    [InlineData("GetCampaign", false, true)]
    [InlineData("UpdateCampaign", true, false)]
    public void IsWrite_ComesFromReadOnly_ElseFromTheActionName(string name, bool? readOnly, bool isWrite)
    {
        Assert.Equal(isWrite, AuditEventMapper.From(Record(name, readOnly)).IsWrite);
    }

    [Fact]
    public void PlainRecord_MapsIdentityTimeCallerAndTarget()
    {
        var e = AuditEventMapper.From(Record("UpdateSmsChannel", target: new PinpointTarget("app1", PinpointResource.Channel, null, PinpointChannel.Sms)) with
        {
            ErrorCode = "BadRequestException",
        });

        Assert.Equal(("e1", "e1", false), (e.EventId, e.DeduplicationId, e.IsAddendum));
        Assert.Equal(new DateTime(2024, 6, 1, 10, 30, 15, DateTimeKind.Utc), e.At);
        Assert.Equal(DateTimeKind.Utc, e.At.Kind);
        Assert.Equal("arn:aws:iam::111122223333:role/ops", e.Caller);
        Assert.Equal(("app1", "Channel", (string?)null, "Sms"), (e.ApplicationId, e.Resource, e.ResourceId, e.Channel));
        Assert.Equal(("BadRequestException", "192.0.2.10"), (e.ErrorCode, e.SourceIpAddress));
        Assert.True(e.Failed);
    }

    [Fact]
    public void Addendum_CountsUnderTheOriginalEventId()
    {
        var e = AuditEventMapper.From(Record("UpdateCampaign") with
        {
            EventId = "e2",
            Addendum = new EventAddendum("UPDATED_DATA", "errorCode", "req1", "e1"),
        });

        Assert.Equal(("e2", "e1", true), (e.EventId, e.DeduplicationId, e.IsAddendum));
    }

    [Fact]
    public void BodyDetails_AreCarriedOver()
    {
        var e = AuditEventMapper.From(Record("CreateApp") with
        {
            ResponseElementsJson = "{\"Arn\":\"arn\",\"Id\":\"app1\",\"Name\":\"orders\"}",
        });

        Assert.Equal("orders", e.ApplicationName);
    }
}
