using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Grains.Prefixes.Digests;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes.Digests;

/// <summary>When a prefix lists its digest folder, from where, and what a page adds (<see cref="DigestListing"/>).</summary>
public sealed class DigestListingTests
{
    private const string Account = "111122223333";
    private const string Folder = "AWSLogs/o-abcd123456/111122223333/CloudTrail-Digest/us-east-1/";
    private static readonly TrailPrefixKey Prefix = TrailPrefixKey.Parse("bucket/AWSLogs/o-abcd123456/111122223333/CloudTrail/us-east-1/");
    private static readonly DateTime T = new(2024, 6, 3, 10, 20, 0, DateTimeKind.Utc);

    private readonly PrefixIntegrityState _state = new() { From = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc) };

    private DigestListing Listing(int maxWaiting = 100) => new(Prefix, _state, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5), maxWaiting);

    [Fact]
    public void AFirstListing_IsDue_AndStartsADayBeforeTheBackfillStart()
    {
        Assert.True(Listing().IsDue(T));
        Assert.Equal(new TrailListRequest(Folder, Folder + "2024/05/31/"), Listing().Request());
    }

    [Theory]
    [InlineData(14, false)] // same hour, less than the interval
    [InlineData(15, true)] // the interval passed
    [InlineData(41, true)] // the hour turned: 11:01
    public void ALaterListing_IsDueWhenTheIntervalPassedOrTheHourTurned(int minutesLater, bool due)
    {
        var listedAt = new DateTime(2024, 6, 3, 10, 20, 0, DateTimeKind.Utc);
        _state.LastListedAt = listedAt;

        Assert.Equal(due, Listing().IsDue(listedAt.AddMinutes(minutesLater)));
    }

    [Fact]
    public void AListingThatFilledItsPage_GoesOnWhereItStopped_AtTheNextPoll()
    {
        var page = new TrailObjectListing([Digest("trail", 2024, 6, 3, 9), Digest("trail", 2024, 6, 3, 10)], [], "token");

        Listing().Add(Listing().Request(), page, T);

        Assert.True(Listing().IsDue(T.AddSeconds(1)));
        Assert.Equal(new TrailListRequest(Folder, page.Objects[^1].Key), Listing().Request());
        Listing().Add(Listing().Request(), new TrailObjectListing([], [], null), T.AddSeconds(1));
        Assert.False(Listing().IsDue(T.AddSeconds(2)));
    }

    [Fact]
    public void AfterTheNewestDigest_ListingStartsTheDayBefore_SoTrailsThatInterleaveByNameAreNotSkipped()
    {
        Listing().Add(Listing().Request(), new TrailObjectListing([Digest("b-trail", 2024, 6, 3, 9), Digest("a-trail", 2024, 6, 3, 10)], [], null), T);

        Assert.Equal(new DateTime(2024, 6, 3, 10, 5, 0, DateTimeKind.Utc), _state.NewestDigestAt);
        Assert.Equal(new TrailListRequest(Folder, Folder + "2024/06/02/"), Listing().Request());
    }

    [Fact]
    public void APage_AddsNewDigestsOfThisAccountAndRegionOnly_NotLogsNorCheckedNorOlderThanTheStart()
    {
        _state.Checked[Digest("trail", 2024, 6, 3, 8).Key] = T;
        var page = new TrailObjectListing(
        [
            Digest("trail", 2024, 5, 31, 23), // before From
            Digest("trail", 2024, 6, 3, 8), // checked
            Digest("trail", 2024, 6, 3, 9),
            Digest("trail", 2024, 6, 3, 9, backfill: true),
            new TrailObject("AWSLogs/o-abcd123456/111122223333/CloudTrail-Digest/us-east-1/2024/06/03/not-a-digest.json.gz", 10),
            new TrailObject(Folder.Replace("111122223333", "999988887777", StringComparison.Ordinal) + "2024/06/03/999988887777_CloudTrail-Digest_us-east-1_trail_us-east-1_20240603T090500Z.json.gz", 10),
        ], [], null);

        var added = Listing().Add(Listing().Request(), page, T);

        Assert.Equal(2, added);
        Assert.Equal([Digest("trail", 2024, 6, 3, 9).Key, Digest("trail", 2024, 6, 3, 9, backfill: true).Key], _state.Waiting.Keys.Order(StringComparer.Ordinal));
        var waiting = _state.Waiting[Digest("trail", 2024, 6, 3, 9).Key];
        Assert.Equal((new DateTime(2024, 6, 3, 9, 5, 0, DateTimeKind.Utc), T), (waiting.NameTime, waiting.FoundAt));
    }

    [Fact]
    public void AtTheWaitingBound_TheListingStops_AndGoesOnAfterTheLastKeyTaken_OnceThereIsRoom()
    {
        var forged = Enumerable.Range(0, 30).Select(i => Digest($"forged{i:00}", 2024, 6, 3, 9)).ToList();
        var listing = Listing(maxWaiting: 10);
        var request = listing.Request();

        listing.Add(request, new TrailObjectListing(forged, [], null), T);

        Assert.Equal(forged.Take(10).Select(f => f.Key), _state.Waiting.Keys.Order(StringComparer.Ordinal));
        Assert.False(listing.IsDue(T.AddHours(1)), "no listing while the waiting digests are at their bound");
        _state.Waiting.Remove(forged[0].Key);
        Assert.True(listing.IsDue(T.AddSeconds(1)));
        Assert.Equal(new TrailListRequest(Folder, forged[9].Key), listing.Request());
    }

    [Fact]
    public void AtTheWaitingBoundBeforeTheFirstKey_TheListingGoesOnFromWhereItStarted()
    {
        _state.Waiting["x"] = new WaitingDigest();
        var listing = Listing(maxWaiting: 1);
        var request = listing.Request();

        listing.Add(request, new TrailObjectListing([Digest("trail", 2024, 6, 3, 9)], [], null), T);

        Assert.Equal(request.StartAfter, _state.ListAfter);
    }

    [Fact]
    public void ADigestNamedAheadOfTheClock_IsNotTakenYet_NorMovesTheListingStart()
    {
        Listing().Add(Listing().Request(), new TrailObjectListing([Digest("trail", 2024, 6, 3, 9), Digest("trail", 2099, 1, 1, 0)], [], null), T);

        Assert.Equal(new DateTime(2024, 6, 3, 9, 5, 0, DateTimeKind.Utc), _state.NewestDigestAt);
        Assert.Equal([Digest("trail", 2024, 6, 3, 9).Key], _state.Waiting.Keys);
    }

    [Fact]
    public void CheckedKeys_AreForgottenBehindTheListingStart_AndBoundedInCount()
    {
        _state.NewestDigestAt = new DateTime(2024, 6, 3, 9, 5, 0, DateTimeKind.Utc);
        _state.Checked["old"] = new DateTime(2024, 6, 1, 23, 0, 0, DateTimeKind.Utc);
        _state.Checked["a"] = new DateTime(2024, 6, 2, 0, 0, 0, DateTimeKind.Utc);
        _state.Checked["b"] = new DateTime(2024, 6, 2, 1, 0, 0, DateTimeKind.Utc);
        _state.Checked["c"] = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Listing().PruneChecked(maxChecked: 2);

        Assert.Equal(["b", "c"], _state.Checked.Keys.Order(StringComparer.Ordinal));
    }

    private static TrailObject Digest(string trail, int year, int month, int day, int hour, bool backfill = false) => new(
        $"{Folder}{year:0000}/{month:00}/{day:00}/{Account}_CloudTrail-Digest_us-east-1_{trail}_us-east-1_{year:0000}{month:00}{day:00}T{hour:00}0500Z{(backfill ? "_backfill" : string.Empty)}.json.gz",
        1234);
}
