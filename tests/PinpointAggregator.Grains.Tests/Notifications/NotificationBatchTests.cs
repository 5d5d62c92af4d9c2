using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Notifications;
using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Grains.Tests.Notifications.QueueMessages;

namespace PinpointAggregator.Grains.Tests.Notifications;

public sealed class NotificationBatchTests
{
    private static readonly DateTime Stamp = new(2024, 6, 1, 11, 55, 0, DateTimeKind.Utc);
    private static readonly NotificationOptions Options = new() { MaxReceives = 3 };

    /// <summary>Keys "a…" belong to prefix A, "b…" to B; "x…" are not trail keys, "d…" digests.</summary>
    private static BatchKeyRoute Route(NotifiedObject notified) => notified.Key[0] switch
    {
        'a' => BatchKeyRoute.To("A", Stamp),
        'b' => BatchKeyRoute.To("B", Stamp),
        'd' => BatchKeyRoute.Aside(NotificationSetAsideReasons.DigestFile),
        _ => BatchKeyRoute.Aside(NotificationSetAsideReasons.NotTrailKey),
    };

    private static NotificationBatch Plan(params QueueMessage[] messages) => NotificationBatch.Plan(messages, Options, Route);

    private static Dictionary<string, IReadOnlyList<NotifiedFileResult>> Answers(params (string Prefix, string Key, NotifiedFileOutcome Outcome)[] results) =>
        results.GroupBy(r => r.Prefix).ToDictionary(g => g.Key, g => (IReadOnlyList<NotifiedFileResult>)[.. g.Select(r => new NotifiedFileResult(r.Key, r.Outcome))]);

    private static string[] Ids(IEnumerable<QueueMessage> messages) => [.. messages.Select(m => m.MessageId).Order(StringComparer.Ordinal)];

    [Fact]
    public void KeysAreGroupedByPrefix_EachKeyOnce_WithItsEarliestSending()
    {
        var later = SentAt.AddSeconds(30);
        var batch = Plan(
            CloudTrailAt("m1", 1, later, "a1", "b1"),
            CloudTrail("m2", 1, "a1", "a2"),
            CloudTrailAt("m3", 1, later, "a2", "b1"));

        var calls = batch.Calls;

        Assert.Equal(["A", "B"], calls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new NotifiedFile("a1", Stamp, SentAt), new NotifiedFile("a2", Stamp, SentAt)], calls["A"]);
        Assert.Equal([new NotifiedFile("b1", Stamp, later)], calls["B"]);
        Assert.Equal(3, batch.KeysRouted);
        Assert.Equal(["m1", "m2", "m3"], Ids(batch.Waiting));
        Assert.Empty(batch.DeleteNow);
        Assert.Empty(batch.SetAside);
    }

    [Fact]
    public void MessagesAreDeletedOnlyWhenEveryKeyTheyNameIsSettled()
    {
        var batch = Plan(CloudTrail("both", 1, "a1", "b1"), CloudTrail("onlyA", 1, "a1"), CloudTrail("onlyB", 1, "b1"));

        var outcome = batch.Complete(Answers(("A", "a1", NotifiedFileOutcome.Read), ("B", "b1", NotifiedFileOutcome.Retrying)));

        Assert.Equal(["onlyA"], Ids(outcome.Done));
        Assert.Equal(["both", "onlyB"], Ids(outcome.Keep));
        Assert.Empty(outcome.GivenUp);
        Assert.Empty(outcome.SetAside);
    }

    [Theory]
    [InlineData(NotifiedFileOutcome.Read, true)]
    [InlineData(NotifiedFileOutcome.Quarantined, true)]
    [InlineData(NotifiedFileOutcome.AlreadyDone, true)]
    [InlineData(NotifiedFileOutcome.NotStarted, true)]
    [InlineData(NotifiedFileOutcome.Missing, true)]
    [InlineData(NotifiedFileOutcome.Deferred, true)]
    [InlineData(NotifiedFileOutcome.OutsideRange, true)]
    [InlineData(NotifiedFileOutcome.Retrying, false)]
    [InlineData(NotifiedFileOutcome.Paused, false)]
    public void EachOutcome_SettlesTheMessageOrNot(NotifiedFileOutcome outcome, bool settles)
    {
        var batch = Plan(CloudTrail("m", 1, "a1"));

        var result = batch.Complete(Answers(("A", "a1", outcome)));

        Assert.Equal(settles ? ["m"] : [], Ids(result.Done));
        Assert.Equal(settles ? [] : ["m"], Ids(result.Keep));
    }

    [Fact]
    public void AFailedCall_KeepsItsMessages_AndOnlyThose()
    {
        var batch = Plan(CloudTrail("a", 1, "a1"), CloudTrail("b", 1, "b1"), CloudTrail("ab", 1, "a2", "b2"));

        // B's call threw or timed out: it is missing from the answers.
        var outcome = batch.Complete(Answers(("A", "a1", NotifiedFileOutcome.Read), ("A", "a2", NotifiedFileOutcome.Read)));

        Assert.Equal(["a"], Ids(outcome.Done));
        Assert.Equal(["ab", "b"], Ids(outcome.Keep));
    }

    /// <summary>
    /// Regression: a call that failed (the database away for longer than MaxReceives visibility timeouts) put its keys in
    /// no retry state; giving the message up lost them until the next reconcile, hours later.
    /// </summary>
    [Fact]
    public void AFailedCall_KeepsItsMessages_EvenPastMaxReceives()
    {
        var batch = Plan(CloudTrail("failed", 9, "a1"), CloudTrail("answered", 9, "b1"));

        var outcome = batch.Complete(Answers(("B", "b1", NotifiedFileOutcome.Retrying)));

        Assert.Equal(["failed"], Ids(outcome.Keep));
        Assert.Equal(["answered"], Ids(outcome.GivenUp));
    }

    [Fact]
    public void AKeyTheGrainDidNotAnswerFor_IsWaiting()
    {
        var batch = Plan(CloudTrail("m", 1, "a1", "a2"));

        var outcome = batch.Complete(Answers(("A", "a1", NotifiedFileOutcome.Read)));

        Assert.Equal(["m"], Ids(outcome.Keep));
    }

    [Fact]
    public void AnAnswerForAnotherPrefix_DoesNotSettleAKey()
    {
        var batch = Plan(CloudTrail("m", 1, "a1"));

        var outcome = batch.Complete(Answers(("B", "a1", NotifiedFileOutcome.Read)));

        Assert.Equal(["m"], Ids(outcome.Keep));
    }

    [Fact]
    public void AMessageAtItsLastReceive_WithKeysWaiting_IsDeletedAsTooManyReceives()
    {
        var batch = Plan(CloudTrail("early", 2, "a1"), CloudTrail("last", 3, "a1"), CloudTrail("past", 7, "a1"), CloudTrail("fine", 3, "b1"));

        var outcome = batch.Complete(Answers(("A", "a1", NotifiedFileOutcome.Retrying), ("B", "b1", NotifiedFileOutcome.Read)));

        Assert.Equal(["fine"], Ids(outcome.Done));
        Assert.Equal(["last", "past"], Ids(outcome.GivenUp));
        Assert.Equal(["early"], Ids(outcome.Keep));
        Assert.Equal(new Dictionary<string, long> { [NotificationSetAsideReasons.TooManyReceives] = 2 }, outcome.SetAside);
        Assert.Equal(["fine", "last", "past"], Ids(outcome.Delete));
    }

    [Fact]
    public void AMessageSetAsideWhole_IsDeletedAtOnce_AndCountedByReason()
    {
        var batch = Plan(Body("junk", 1, "not json at all"), Body("junk2", 1, "{{{"), CloudTrail("good", 1, "a1"));

        Assert.Equal(["junk", "junk2"], Ids(batch.DeleteNow));
        Assert.Equal(["good"], Ids(batch.Waiting));
        Assert.Equal(new Dictionary<string, long> { [NotificationSetAsideReasons.NotJson] = 2 }, batch.SetAside);
    }

    [Fact]
    public void ObjectsSetAsideByTheRouter_AreCountedEach_AndDoNotHoldTheirMessage()
    {
        var batch = Plan(CloudTrail("mixed", 1, "x1", "d1", "a1"), CloudTrail("nothingToRead", 1, "x2", "x3"));

        Assert.Equal(["nothingToRead"], Ids(batch.DeleteNow));
        Assert.Equal(["mixed"], Ids(batch.Waiting));
        Assert.Equal(new Dictionary<string, long> { [NotificationSetAsideReasons.NotTrailKey] = 3, [NotificationSetAsideReasons.DigestFile] = 1 }, batch.SetAside);

        var outcome = batch.Complete(Answers(("A", "a1", NotifiedFileOutcome.Read)));

        Assert.Equal(["mixed"], Ids(outcome.Done));
    }

    [Fact]
    public void AMessageWhoseRoutingThrows_IsKept_UntilItsLastReceive_WithoutCountsOrCalls()
    {
        static BatchKeyRoute Throwing(NotifiedObject notified) =>
            notified.Key == "boom" ? throw new InvalidOperationException("a bug") : Route(notified);

        var batch = NotificationBatch.Plan([CloudTrail("bad", 1, "x1", "boom"), CloudTrail("badLast", 3, "a9", "boom"), CloudTrail("good", 1, "a1")], Options, Throwing);

        Assert.Equal(["bad", "badLast"], [.. batch.Faults.Select(f => f.Message.MessageId)]);
        Assert.Empty(batch.SetAside);
        Assert.Equal(["a1"], [.. batch.Calls["A"].Select(f => f.Key)]);

        var outcome = batch.Complete(Answers(("A", "a1", NotifiedFileOutcome.Read)));

        Assert.Equal(["good"], Ids(outcome.Done));
        Assert.Equal(["bad"], Ids(outcome.Keep));
        Assert.Equal(["badLast"], Ids(outcome.GivenUp));
        Assert.Equal(new Dictionary<string, long> { [NotificationSetAsideReasons.TooManyReceives] = 1 }, outcome.SetAside);
    }

    [Fact]
    public void AnEmptyBatch_HasNothingToDo()
    {
        var batch = Plan();

        var outcome = batch.Complete(Answers());

        Assert.Empty(batch.Calls);
        Assert.Empty(outcome.Delete);
        Assert.Empty(outcome.Keep);
    }
}
