using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Prefixes;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>What makes a prefix write its state: real changes, never an idle poll's bookkeeping.</summary>
public sealed class PrefixStateChangesTests
{
    private static readonly DateTime Now = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly TrailPrefixState _state = new() { Started = true, BackfillFrom = Now.AddDays(-1), Interval = TimeSpan.FromMinutes(1) };
    private readonly PrefixStateChanges _changes = new();

    public PrefixStateChangesTests() => _changes.Saved(_state);

    [Fact]
    public void AnIdlePoll_ChangesNothingWorthWriting()
    {
        _state.LastPollAt = Now;
        _state.NextPollAt = Now.AddMinutes(2);
        _state.Interval = TimeSpan.FromMinutes(2);
        _state.ReadThrough = Now;
        _state.Counters.Polls++;
        _state.Counters.Requests[RequestKinds.List] = 7;
        _state.CaughtUp = false; // unchanged value

        Assert.False(_changes.Changed(_state));
    }

    [Fact]
    public void ADoneKey_AWaitingFile_AnErrorOrAReconcileStep_AreChanges()
    {
        Assert.True(Changed(s => s.Done["k"] = Now));
        Assert.True(Changed(s => s.Retry["k"] = new RetryState { Stamp = Now, Attempts = 1 }));
        Assert.True(Changed(s => s.ConsecutiveFailures++));
        Assert.True(Changed(s => s.ReconcileAfter = "k"));
        Assert.True(Changed(s => s.Counters.FilesRead++));
    }

    [Fact]
    public void AfterAWrite_TheSameStateIsNoChange()
    {
        _state.Done["k"] = Now;
        _changes.Saved(_state);

        Assert.False(_changes.Changed(_state));
    }

    private static bool Changed(Action<TrailPrefixState> change)
    {
        var changes = new PrefixStateChanges();
        var state = new TrailPrefixState { Started = true, BackfillFrom = Now };
        changes.Saved(state);
        change(state);
        return changes.Changed(state);
    }
}
