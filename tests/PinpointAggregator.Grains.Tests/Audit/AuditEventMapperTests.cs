using PinpointAggregator.Grains.Audit;
using PinpointAggregator.Trail.Events;
using PinpointAggregator.Audit.Pinpoint;
using DomainEvent = PinpointAggregator.Audit.Events.AuditEvent;

namespace PinpointAggregator.Grains.Tests.Audit;

public sealed class AuditEventMapperTests
{
    private static readonly DateTimeOffset Time = new(2024, 6, 1, 12, 30, 15, TimeSpan.FromHours(2));

    private static DomainEvent Record(string name, bool? readOnly = null, PinpointTarget? target = null) => new()
    {
        EventId = "e1",
        EventTime = Time,
        EventSource = "pinpoint.amazonaws.com",
        EventName = name,
        ReadOnly = readOnly,
        Caller = new CallerIdentity("AssumedRole", "arn:aws:sts::111122223333:assumed-role/ops/s", "111122223333", null, null, "arn:aws:iam::111122223333:role/ops", null),
        SourceIpAddress = "192.0.2.10",
        Target = target ?? new PinpointTarget("app1", PinpointResource.Application, "app1", null),
        IsWrite = readOnly is not true,
        Details = PinpointDetails.None,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IsWrite_IsTheDomainEventsDecision(bool isWrite)
    {
        Assert.Equal(isWrite, AuditEventMapper.From(Record("GetCampaign") with { IsWrite = isWrite }).IsWrite);
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
        var e = AuditEventMapper.From(Record("CreateApp") with { Details = new PinpointDetails("orders", "arn:aws:kinesis:s", true, 3) });

        Assert.Equal(("orders", "arn:aws:kinesis:s", (bool?)true, (int?)3), (e.ApplicationName, e.DestinationStreamArn, e.Enabled, e.Version));
    }
}
