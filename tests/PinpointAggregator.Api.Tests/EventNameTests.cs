using PinpointAggregator.Api.Resources;

namespace PinpointAggregator.Api.Tests;

/// <summary>Every event id the store can hold has a name that GetEvent takes back (regression: ids with a slash, or longer than 128, could be searched but not fetched).</summary>
public sealed class EventNameTests
{
    [Theory]
    [InlineData("7a9becce-0f5d-4e34-9d2a-3c2b2f0a1b2c")]
    [InlineData("a/b")]
    [InlineData("../../etc")]
    [InlineData("with space and %41")]
    [InlineData("ctl\u001b[2J")]
    [InlineData("events/x")]
    public void Format_ThenTryParse_GivesTheIdBack(string eventId)
    {
        var name = EventName.Format(eventId);

        Assert.True(EventName.TryParse(name, out var parsed, out var problem), problem);
        Assert.Equal(eventId, parsed);
        Assert.Equal(1, name.Count(c => c == '/'));
    }

    [Fact]
    public void Format_OfALongId_IsTakenBack()
    {
        var id = new string('x', 200);

        Assert.True(EventName.TryParse(EventName.Format(id), out var parsed, out _));
        Assert.Equal(id, parsed);
    }

    [Fact]
    public void Format_OfAGuid_IsUnchanged() =>
        Assert.Equal("events/7a9becce-0f5d-4e34-9d2a-3c2b2f0a1b2c", EventName.Format("7a9becce-0f5d-4e34-9d2a-3c2b2f0a1b2c"));
}
