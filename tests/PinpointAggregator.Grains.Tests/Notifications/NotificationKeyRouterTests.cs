using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Notifications;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Trail.Notifications;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Notifications;

public sealed class NotificationKeyRouterTests : IDisposable
{
    private const string Bucket = "org-trail-logs";
    private const string Org = "o-aa4bb5cc6d";
    private const string Account = "111122223333";
    private const string OrgKey = $"AWSLogs/{Org}/{Account}/CloudTrail/us-east-1/2024/06/01/{Account}_CloudTrail_us-east-1_20240601T0005Z_AbCdEf0123456789.json.gz";
    private const string PlainKey = $"AWSLogs/{Account}/CloudTrail/eu-west-1/2024/05/31/{Account}_CloudTrail_eu-west-1_20240531T2355Z_Q1w2E3r4T5y6U7i8.json.gz";
    private const string PrefixedKey = $"audit/org/AWSLogs/{Org}/{Account}/CloudTrail/ap-southeast-2/2024/06/01/{Account}_CloudTrail_ap-southeast-2_20240601T1230Z_Zz9.json.gz";
    private const string DigestKey = $"AWSLogs/{Org}/{Account}/CloudTrail-Digest/us-east-1/2024/06/01/{Account}_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240601T013000Z.json.gz";

    private readonly string _folder = Directory.CreateTempSubdirectory("pa-router-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static NotificationKeyRouter Router(string prefix = "", string? organization = null, params string[] excluded) => new(new IngestionOptions
    {
        Buckets = [new TrailBucketOptions { Name = Bucket, Prefix = prefix, OrganizationId = organization }],
        ExcludedAccounts = [.. excluded],
    });

    private static void AssertSetAside(NotificationRoute route, string reason, string key)
    {
        Assert.False(route.IsRouted);
        Assert.Equal(reason, route.SetAsideReason);
        Assert.Equal(key, route.Key);
        Assert.InRange(route.Detail.Length, 1, 200);
    }

    [Fact]
    public void OrganizationKey_GoesToItsAccountAndRegion()
    {
        var route = Router().Route(new NotifiedObject(Bucket, OrgKey));

        Assert.True(route.IsRouted);
        Assert.Equal(TrailPrefixKey.Parse($"{Bucket}/AWSLogs/{Org}/{Account}/CloudTrail/us-east-1/"), route.Prefix);
        Assert.Equal(OrgKey, route.Key);
        Assert.Equal(new DateTime(2024, 6, 1, 0, 5, 0, DateTimeKind.Utc), route.Stamp);
        Assert.Equal(DateTimeKind.Utc, route.Stamp.Kind);
        Assert.Null(route.Detail);
    }

    [Fact]
    public void PlainLayoutKey_GoesToAPrefixWithoutOrganization()
    {
        var route = Router().Route(new NotifiedObject(Bucket, PlainKey));

        Assert.Equal(new TrailPrefixKey(new TrailLocation(Bucket, string.Empty, null), Account, "eu-west-1"), route.Prefix);
        Assert.Equal(new DateTime(2024, 5, 31, 23, 55, 0, DateTimeKind.Utc), route.Stamp);
    }

    [Fact]
    public void PlainLayoutKey_IsReadEvenWhenAnOrganizationIsConfigured()
    {
        // The management account of an organization trail can write both layouts; discovery always reads the plain one.
        var route = Router(organization: Org).Route(new NotifiedObject(Bucket, PlainKey));

        Assert.True(route.IsRouted);
        Assert.Null(route.Prefix.Location.OrganizationId);
    }

    [Fact]
    public void PrefixedKey_GoesToThePrefixedLocation()
    {
        var route = Router(prefix: "audit/org", organization: Org).Route(new NotifiedObject(Bucket, PrefixedKey));

        Assert.Equal(TrailPrefixKey.Parse($"{Bucket}/audit/org/AWSLogs/{Org}/{Account}/CloudTrail/ap-southeast-2/"), route.Prefix);
        Assert.Equal(new DateTime(2024, 6, 1, 12, 30, 0, DateTimeKind.Utc), route.Stamp);
    }

    [Fact]
    public void ABucketConfiguredTwice_RoutesByItsPrefix()
    {
        var router = new NotificationKeyRouter(new IngestionOptions
        {
            Buckets = [new TrailBucketOptions { Name = Bucket }, new TrailBucketOptions { Name = Bucket, Prefix = "audit/org" }],
        });

        Assert.Equal("audit/org", router.Route(new NotifiedObject(Bucket, PrefixedKey)).Prefix.Location.BucketPrefix);
        Assert.Equal(string.Empty, router.Route(new NotifiedObject(Bucket, OrgKey)).Prefix.Location.BucketPrefix);
    }

    [Theory]
    [InlineData("other-bucket")]
    [InlineData("Org-Trail-Logs")]
    [InlineData("org-trail-logs ")]
    [InlineData("")]
    public void AnUnconfiguredBucket_IsForeign(string bucket)
    {
        AssertSetAside(Router().Route(new NotifiedObject(bucket, OrgKey)), NotificationSetAsideReasons.ForeignBucket, OrgKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("index.html")]
    [InlineData($"AWSLogs/{Account}/CloudTrail-Insight/us-east-1/2024/06/01/{Account}_CloudTrail-Insight_us-east-1_20240601T0005Z_a.json.gz")]
    [InlineData($"AWSLogs/{Account}/CloudTrail/us-east-1/2024/06/01/{Account}_CloudTrail_us-east-1_20240601T0005Z_a.json")]
    [InlineData($"AWSLogs/{Account}/CloudTrail/us-east-1/2024/06/02/{Account}_CloudTrail_us-east-1_20240601T0005Z_a.json.gz")]
    [InlineData($"AWSLogs/{Org}/{Account}/CloudTrail/us-east-1/2024/06/01/")]
    [InlineData("AWSLogs/1111/CloudTrail/us-east-1/2024/06/01/1111_CloudTrail_us-east-1_20240601T0005Z_a.json.gz")]
    public void AKeyOutsideTheTrailLayout_IsNotATrailKey(string key)
    {
        AssertSetAside(Router().Route(new NotifiedObject(Bucket, key)), NotificationSetAsideReasons.NotTrailKey, key);
    }

    [Fact]
    public void ADigest_IsSetAside()
    {
        AssertSetAside(Router().Route(new NotifiedObject(Bucket, DigestKey)), NotificationSetAsideReasons.DigestFile, DigestKey);
    }

    [Theory]
    [InlineData("audit", null, OrgKey)]
    [InlineData("", null, PrefixedKey)]
    [InlineData("audit", null, PrefixedKey)]
    [InlineData("audit/org/", null, PrefixedKey)]
    [InlineData("", "o-zz9yy8xx7w", OrgKey)]
    [InlineData("audit/org", "o-zz9yy8xx7w", PrefixedKey)]
    public void AKeyUnderAnotherPrefixOrOrganization_IsOutsideTheTrailPrefix(string prefix, string? organization, string key)
    {
        AssertSetAside(Router(prefix, organization).Route(new NotifiedObject(Bucket, key)), NotificationSetAsideReasons.OutsideTrailPrefix, key);
    }

    [Fact]
    public void AnExcludedAccount_IsSetAside()
    {
        var router = Router(string.Empty, null, "999988887777", Account);

        AssertSetAside(router.Route(new NotifiedObject(Bucket, OrgKey)), NotificationSetAsideReasons.ExcludedAccount, OrgKey);
        AssertSetAside(router.Route(new NotifiedObject(Bucket, PlainKey)), NotificationSetAsideReasons.ExcludedAccount, PlainKey);
        Assert.True(Router(string.Empty, null, "999988887777").Route(new NotifiedObject(Bucket, OrgKey)).IsRouted);
    }

    [Fact]
    public void ReasonsAreCheckedInOrder_BucketThenLayoutThenDigestThenPrefixThenAccount()
    {
        var router = Router("audit", Org, Account);

        Assert.Equal(NotificationSetAsideReasons.ForeignBucket, router.Route(new NotifiedObject("other", "junk")).SetAsideReason);
        Assert.Equal(NotificationSetAsideReasons.NotTrailKey, router.Route(new NotifiedObject(Bucket, "junk")).SetAsideReason);
        Assert.Equal(NotificationSetAsideReasons.DigestFile, router.Route(new NotifiedObject(Bucket, DigestKey)).SetAsideReason);
        Assert.Equal(NotificationSetAsideReasons.OutsideTrailPrefix, router.Route(new NotifiedObject(Bucket, OrgKey)).SetAsideReason);
        Assert.Equal(NotificationSetAsideReasons.ExcludedAccount, router.Route(new NotifiedObject(Bucket, "audit/" + OrgKey)).SetAsideReason);
    }

    [Fact]
    public void Details_AreBoundedAndPrintable_ForAHostileBucketOrKey()
    {
        var hostile = "x\u0000\u001b[31m" + new string('y', 10_000);

        foreach (var route in new[] { Router().Route(new NotifiedObject(hostile, OrgKey)), Router().Route(new NotifiedObject(Bucket, "AWSLogs/" + hostile)) })
        {
            Assert.InRange(route.Detail!.Length, 1, 200);
            Assert.DoesNotContain('\u0000', route.Detail);
            Assert.DoesNotContain('\u001b', route.Detail);
        }
    }

    [Theory]
    [InlineData("", null, OrgKey)]
    [InlineData("", null, PlainKey)]
    [InlineData("", Org, OrgKey)]
    [InlineData("", Org, PlainKey)]
    [InlineData("audit/org", null, PrefixedKey)]
    [InlineData("audit/org", Org, PrefixedKey)]
    public async Task TheRoute_IsThePrefixDiscoveryStarts(string prefix, string? organization, string key)
    {
        // The bucket as a folder holding the notified file: discovery (organization level, then the account's
        // regions, as AccountGrain builds its prefix keys) must start exactly the grain the notification goes to.
        var path = Path.Combine(_folder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [0x1f, 0x8b], CancellationToken.None);
        var bucket = new TrailBucketOptions { Name = Bucket, Prefix = prefix, OrganizationId = organization };
        var store = new LocalFolderObjectStore(_folder);

        var found = await AccountDiscovery.FindAsync(store, bucket, [], () => { }, CancellationToken.None);
        var started = new List<TrailPrefixKey>();
        foreach (var (account, location) in found)
        {
            var listing = await store.ListAsync(new TrailListRequest(location.Root.RegionsPrefix(account), Delimiter: "/"), CancellationToken.None);
            started.AddRange(listing.CommonPrefixes.Select(p => new TrailPrefixKey(location, account, p[location.Root.RegionsPrefix(account).Length..].TrimEnd('/'))));
        }

        var route = new NotificationKeyRouter(new IngestionOptions { Buckets = [bucket] }).Route(new NotifiedObject(Bucket, key));

        var discovered = Assert.Single(started);
        Assert.Equal(discovered, route.Prefix);
        Assert.Equal(discovered.Format(), route.Prefix.Format());
        Assert.StartsWith(route.Prefix.RegionPrefix, key, StringComparison.Ordinal);
    }
}
