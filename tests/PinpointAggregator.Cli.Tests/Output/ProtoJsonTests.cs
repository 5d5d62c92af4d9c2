using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;

namespace PinpointAggregator.Cli.Tests.Output;

public sealed class ProtoJsonTests
{
    private static readonly Event Sample = new()
    {
        Name = "events/e-1",
        EventId = "e-1",
        EventTime = Timestamp.FromDateTime(new DateTime(2024, 6, 1, 12, 30, 0, DateTimeKind.Utc)),
        Account = "111111111111",
        IsWrite = true,
        ReadOnly = false,
    };

    [Fact]
    public void Write_IsProtobufsJsonFormIndented()
    {
        var output = new StringWriter();

        ProtoJson.Write(output, Sample);

        Assert.Equal(
            "{\n  \"name\": \"events/e-1\",\n  \"eventId\": \"e-1\",\n  \"eventTime\": \"2024-06-01T12:30:00Z\",\n  \"account\": \"111111111111\",\n  \"readOnly\": false,\n  \"isWrite\": true\n}\n",
            output.ToString());
    }

    [Fact]
    public void WriteLine_IsOneLineThatParsesBackToTheMessage()
    {
        var output = new StringWriter();

        ProtoJson.WriteLine(output, Sample);

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Sample, JsonParser.Default.Parse<Event>(line));
    }
}
