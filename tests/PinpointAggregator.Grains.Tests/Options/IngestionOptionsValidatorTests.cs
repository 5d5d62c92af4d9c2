using PinpointAggregator.Abstractions.Options;

namespace PinpointAggregator.Grains.Tests.Options;

public sealed class IngestionOptionsValidatorTests
{
    private static IngestionOptions Valid() => new()
    {
        Buckets = [new TrailBucketOptions { Name = "org-trails", Prefix = "audit/org", OrganizationId = "o-abcd123456" }],
        Accounts = ["111122223333"],
        ExcludedAccounts = ["444455556666"],
        Regions = ["us-east-1", "us-gov-west-1"],
    };

    private static IReadOnlyList<string> Failures(IngestionOptions options)
    {
        var result = new IngestionOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new IngestionOptionsValidator().Validate(null, new IngestionOptions()).Succeeded);
    }

    [Fact]
    public void FullyConfiguredOptions_AreValid()
    {
        Assert.Empty(Failures(Valid()));
    }

    [Fact]
    public void BadReconcileOptions_FailNamingThem()
    {
        var options = Valid();
        options.ReconcileInterval = TimeSpan.Zero;
        options.MissedReportBand = TimeSpan.FromDays(-1);
        options.ReconcilePagesPerPoll = 0;

        var failures = string.Join('\n', Failures(options));

        Assert.Contains("Ingestion:ReconcileInterval", failures, StringComparison.Ordinal);
        Assert.Contains("MissedReportBand", failures, StringComparison.Ordinal);
        Assert.Contains("Ingestion:ReconcilePagesPerPoll", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRegionListPages_FailsNamingMaxRegionListPages()
    {
        var options = Valid();
        options.MaxRegionListPages = 0;

        Assert.Contains(Failures(options), f => f.Contains("Ingestion:MaxRegionListPages", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("org-abcd123456")]
    [InlineData("o-ABCD123456")]
    [InlineData("o-abc")]
    [InlineData("")]
    public void BadOrganizationId_FailsNamingTheBucketsOrganizationId(string organization)
    {
        var options = Valid();
        options.Buckets[0].OrganizationId = organization;

        var failure = Assert.Single(Failures(options));

        Assert.Contains("Ingestion:Buckets:0:OrganizationId", failure, StringComparison.Ordinal);
        Assert.Contains($"'{organization}'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1111222233334")]
    [InlineData("11112222333a")]
    public void BadAccountId_FailsNamingAccounts(string account)
    {
        var included = Valid();
        included.Accounts.Add(account);
        var excluded = Valid();
        excluded.ExcludedAccounts.Add(account);

        foreach (var options in new[] { included, excluded })
        {
            var failure = Assert.Single(Failures(options));

            Assert.Contains("Ingestion:Accounts", failure, StringComparison.Ordinal);
            Assert.Contains($"'{account}'", failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MaxPollIntervalBelowPollInterval_FailsNamingMaxPollInterval()
    {
        var options = Valid();
        options.PollInterval = TimeSpan.FromMinutes(5);
        options.MaxPollInterval = TimeSpan.FromMinutes(4);

        var failure = Assert.Single(Failures(options));

        Assert.Contains("Ingestion:MaxPollInterval", failure, StringComparison.Ordinal);
        Assert.Contains("PollInterval", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxObjectBytes_DefaultsTo128MiB()
    {
        Assert.Equal(128L * 1024 * 1024, new IngestionOptions().MaxObjectBytes);
    }

    [Fact]
    public void MaxPollIntervalEqualToPollInterval_IsValid()
    {
        var options = Valid();
        options.MaxPollInterval = options.PollInterval;

        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData("bucket-name", "Ingestion:Buckets:0:Name")]
    [InlineData("bucket-prefix", "Ingestion:Buckets:0:Prefix")]
    [InlineData("region", "Ingestion:Regions")]
    [InlineData("poll-interval", "Ingestion:PollInterval")]
    [InlineData("reminder-period", "Ingestion:ReminderPeriod")]
    [InlineData("late-arrival-window", "Ingestion:LateArrivalWindow")]
    [InlineData("file-concurrency", "FileConcurrency")]
    [InlineData("max-object-bytes", "Ingestion:MaxObjectBytes")]
    [InlineData("silo-read-concurrency", "SiloReadConcurrency")]
    [InlineData("batches-per-turn", "BatchesPerTurn")]
    [InlineData("negative-max-object-bytes", "Ingestion:MaxObjectBytes")]
    public void OtherBadValues_FailNamingTheirOption(string mistake, string named)
    {
        var options = Valid();
        switch (mistake)
        {
            case "bucket-name": options.Buckets[0].Name = "org/trails"; break;
            case "bucket-prefix": options.Buckets[0].Prefix = "audit/"; break;
            case "region": options.Regions.Add("US-EAST-1"); break;
            case "poll-interval": (options.PollInterval, options.MaxPollInterval) = (TimeSpan.Zero, TimeSpan.Zero); break;
            case "reminder-period": options.ReminderPeriod = TimeSpan.FromSeconds(59); break;
            case "late-arrival-window": options.LateArrivalWindow = TimeSpan.FromTicks(-1); break;
            case "file-concurrency": options.FileConcurrency = 0; break;
            case "max-object-bytes": options.MaxObjectBytes = 0; break;
            case "silo-read-concurrency": options.SiloReadConcurrency = 0; break;
            case "batches-per-turn": options.BatchesPerTurn = 0; break;
            case "negative-max-object-bytes": options.MaxObjectBytes = -1; break;
        }

        Assert.Contains(named, Assert.Single(Failures(options)), StringComparison.Ordinal);
    }
}
