using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Prefixes;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>A prefix's notification mode without a silo: when it lists, when it wakes, what a quiet listing means.</summary>
public sealed class PrefixNotificationsTests
{
    private static readonly DateTime Now = new(2024, 6, 20, 12, 0, 0, DateTimeKind.Utc);

    private readonly IngestionOptions _options = new()
    {
        PollInterval = TimeSpan.FromMinutes(1),
        ReconcileHorizon = TimeSpan.FromDays(7),
        Notifications = new NotificationOptions { QuietAfter = TimeSpan.FromMinutes(30), DigestListInterval = TimeSpan.FromHours(3) },
    };

    private readonly TrailPrefixState _state = new() { Started = true, BackfillFrom = Now.AddDays(-1), NewestKeyAt = Now.AddMinutes(-5) };

    private PrefixNotifications Notifications => new(_state, _options);

    [Fact]
    public void ANewPrefix_Polls_AndReadsNoNotifiedKeyBeforeItsListingIsCurrent()
    {
        Assert.False(Notifications.SkipsWindow(Now));
        Assert.False(Notifications.ListingCurrent);

        Notifications.WindowListed(reachedEnd: false);
        Assert.False(Notifications.ListingCurrent);
        Notifications.WindowListed(reachedEnd: true);
        Assert.True(Notifications.ListingCurrent);
    }

    [Fact]
    public void ANotification_SkipsTheWindow_UntilQuietAfterHasPassed()
    {
        Notifications.Notified(Now, Now, files: 3, alreadyDone: 1, late: 1);

        Assert.Equal(
            (true, true, false),
            (Notifications.SkipsWindow(Now), Notifications.SkipsWindow(Now.AddMinutes(30).AddTicks(-1)), Notifications.SkipsWindow(Now.AddMinutes(30))));
        Assert.Equal((PrefixIngestionMode.Notified, Now, 3L, 1L, 1L), (_state.Notifications.Mode, _state.Notifications.LastNotificationAt, _state.Notifications.FilesNotified, _state.Notifications.NotifiedAlreadyDone, _state.Notifications.NotifiedLate));
    }

    /// <summary>
    /// Regression: a message that waited hours in a backed-up queue ended a fallback and stopped the window listing,
    /// while new files were only listed, never notified.
    /// </summary>
    [Fact]
    public void AStaleNotification_NeitherMakesItNotified_NorEndsAFallback()
    {
        Notifications.Notified(Now, Now, 1, 0, 0);
        Notifications.QuietListed(Now.AddHours(3), found: 2);

        Notifications.Notified(Now.AddHours(3), sentAt: Now.AddHours(3) - TimeSpan.FromMinutes(30), 1, 0, 0);

        Assert.Equal((PrefixIngestionMode.Fallback, Now.AddHours(3)), (_state.Notifications.Mode, _state.Notifications.FallbackSince));
        Assert.Equal(Now.AddHours(2.5), _state.Notifications.LastNotificationAt);
        Assert.False(Notifications.SkipsWindow(Now.AddHours(3)));

        Notifications.Notified(Now.AddHours(3), sentAt: Now.AddHours(3) - TimeSpan.FromMinutes(29), 1, 0, 0);

        Assert.Equal(PrefixIngestionMode.Notified, _state.Notifications.Mode);
    }

    [Fact]
    public void AQuietListingThatFoundNothing_MakesItPolling_WithoutAFallback()
    {
        Notifications.Notified(Now, Now, 1, 0, 0);

        Assert.Null(Notifications.QuietListed(Now.AddMinutes(31), found: 0));

        Assert.Equal((PrefixIngestionMode.Polling, 0L, (DateTime?)null), (_state.Notifications.Mode, _state.Notifications.Fallbacks, _state.Notifications.FallbackSince));
    }

    [Theory]
    [InlineData(42, 3, "no notification for 42m while 3 files arrived")]
    [InlineData(185, 1, "no notification for 3h 5m while 1 file arrived")]
    [InlineData(3120, 12, "no notification for 2d 4h while 12 files arrived")]
    public void AQuietListingThatFoundFiles_FallsBack_SayingSinceWhenAndWhy(int quietMinutes, int found, string reason)
    {
        Notifications.Notified(Now, Now, 1, 0, 0);
        var at = Now.AddMinutes(quietMinutes);

        Assert.Equal(reason, Notifications.QuietListed(at, found));

        Assert.Equal((PrefixIngestionMode.Fallback, at, reason, 1L), (_state.Notifications.Mode, _state.Notifications.FallbackSince, _state.Notifications.FallbackReason, _state.Notifications.Fallbacks));
        Assert.False(Notifications.SkipsWindow(at));
    }

    [Fact]
    public void AFallback_LastsUntilANotification_WhichEndsIt_AndKeepsTheCount()
    {
        Notifications.Notified(Now, Now, 1, 0, 0);
        Notifications.QuietListed(Now.AddHours(1), found: 2);

        Assert.Null(Notifications.QuietListed(Now.AddHours(2), found: 5));
        Assert.Equal((PrefixIngestionMode.Fallback, 1L), (_state.Notifications.Mode, _state.Notifications.Fallbacks));

        Notifications.Notified(Now.AddHours(3), Now.AddHours(3), 1, 0, 0);

        Assert.Equal((PrefixIngestionMode.Notified, (DateTime?)null, (string?)null, 1L), (_state.Notifications.Mode, _state.Notifications.FallbackSince, _state.Notifications.FallbackReason, _state.Notifications.Fallbacks));
    }

    [Fact]
    public void APollingPrefixsListing_ChangesNoMode()
    {
        Assert.Null(Notifications.QuietListed(Now, found: 7));
        Assert.Equal((PrefixIngestionMode.Polling, 0L), (_state.Notifications.Mode, _state.Notifications.Fallbacks));
    }

    [Fact]
    public void AResume_MakesItPolling_AndItsListingMustCatchUpFirst()
    {
        Notifications.WindowListed(reachedEnd: true);
        Notifications.Notified(Now, Now, 1, 0, 0);

        Notifications.Resumed();

        Assert.Equal((PrefixIngestionMode.Polling, false), (_state.Notifications.Mode, _state.Notifications.ListingCurrent));
    }

    [Fact]
    public void AKeyIsLate_WhenOlderThanTheHorizonBehindTheNewestKey()
    {
        var horizon = _state.NewestKeyAt!.Value - _options.ReconcileHorizon;

        Assert.Equal((false, true), (Notifications.IsLate(horizon), Notifications.IsLate(horizon.AddMinutes(-1))));
        _state.NewestKeyAt = null;
        Assert.False(Notifications.IsLate(DateTime.UnixEpoch));
    }

    [Fact]
    public void Digests_AreFollowedEveryDigestListInterval()
    {
        Assert.True(Notifications.DigestsDue(Now));
        Notifications.DigestsFollowed(Now);

        Assert.Equal((false, true), (Notifications.DigestsDue(Now.AddHours(3).AddTicks(-1)), Notifications.DigestsDue(Now.AddHours(3))));
    }

    [Fact]
    public void NextPoll_IsTheEarliestOfQuietDeadlineDigestsReconcileAndRetries()
    {
        Notifications.Notified(Now, Now, 1, 0, 0);
        Notifications.DigestsFollowed(Now.AddMinutes(-170));
        _state.NextReconcileAt = Now.AddHours(4);
        Assert.Equal(TimeSpan.FromMinutes(10), Notifications.NextPoll(Now));

        Notifications.DigestsFollowed(Now);
        Assert.Equal(TimeSpan.FromMinutes(30), Notifications.NextPoll(Now));

        _state.NextReconcileAt = Now.AddMinutes(20);
        Assert.Equal(TimeSpan.FromMinutes(20), Notifications.NextPoll(Now));

        _state.Retry["k"] = new RetryState { NextAttemptAt = Now.AddMinutes(7) };
        Assert.Equal(TimeSpan.FromMinutes(7), Notifications.NextPoll(Now));
    }

    [Fact]
    public void NextPoll_IsAPollIntervalAway_WhileAReconcileRunsOrDeliveriesWait_AndNeverSooner()
    {
        Notifications.Notified(Now, Now, 1, 0, 0);
        Notifications.DigestsFollowed(Now);
        _state.ReconcileAfter = "some/key";
        Assert.Equal((TimeSpan.FromMinutes(1), false), (Notifications.NextPoll(Now), Notifications.Idle));

        _state.ReconcileAfter = null;
        _state.Retry["k"] = new RetryState { NextAttemptAt = Now.AddMinutes(-7) };
        Assert.Equal((TimeSpan.FromMinutes(1), false), (Notifications.NextPoll(Now), Notifications.Idle));

        _state.Retry.Clear();
        Assert.True(Notifications.Idle);
    }
}
