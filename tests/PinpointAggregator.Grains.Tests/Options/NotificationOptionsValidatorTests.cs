using PinpointAggregator.Abstractions.Options;

namespace PinpointAggregator.Grains.Tests.Options;

public sealed class NotificationOptionsValidatorTests
{
    private const string Url = "https://sqs.us-east-1.amazonaws.com/111122223333/trail-notifications";

    private static IngestionOptions With(Action<NotificationOptions> change)
    {
        var options = new IngestionOptions();
        options.Notifications.Queues.Add(new NotificationQueueOptions { Url = Url });
        change(options.Notifications);
        return options;
    }

    private static string Failures(IngestionOptions options)
    {
        var result = new NotificationOptionsValidator().Validate(null, options);
        return result.Failed ? string.Join('\n', result.Failures!) : string.Empty;
    }

    [Fact]
    public void Defaults_WithOrWithoutQueues_AreValid()
    {
        Assert.Equal(string.Empty, Failures(new IngestionOptions()));
        Assert.Equal(string.Empty, Failures(With(_ => { })));
    }

    [Fact]
    public void AFullyConfiguredQueue_IsValid()
    {
        Assert.Equal(string.Empty, Failures(With(n =>
        {
            n.Queues[0].Region = "eu-west-1";
            n.Queues[0].RoleArn = "arn:aws:iam::444455556666:role/TrailQueueReader";
            n.Queues[0].Name = "org-trail_1.eu";
            n.Queues.Add(new NotificationQueueOptions { Url = "http://127.0.0.1:4566/000000000000/local" });
        })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("trail-notifications")]
    [InlineData("ftp://sqs.us-east-1.amazonaws.com/111122223333/q")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/")]
    public void AQueueUrlThatIsNotAnAbsoluteQueueUrl_FailsNamingIt(string url)
    {
        Assert.Contains("Ingestion:Notifications:Queues:0:Url", Failures(With(n => n.Queues[0].Url = url)), StringComparison.Ordinal);
    }

    [Fact]
    public void ABadRegionRoleOrName_FailsNamingEach()
    {
        var failures = Failures(With(n =>
        {
            n.Queues[0].Region = "Mars-1";
            n.Queues[0].RoleArn = "TrailQueueReader";
            n.Queues[0].Name = "has space";
        }));

        Assert.Contains("Ingestion:Notifications:Queues:0:Region", failures, StringComparison.Ordinal);
        Assert.Contains("Ingestion:Notifications:Queues:0:RoleArn", failures, StringComparison.Ordinal);
        Assert.Contains("Ingestion:Notifications:Queues:0:Name", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoQueuesOfOneName_OrOneUrlTwice_Fail()
    {
        var sameName = Failures(With(n => n.Queues.Add(new NotificationQueueOptions { Url = "https://sqs.eu-west-1.amazonaws.com/111122223333/trail-notifications" })));
        var sameUrl = Failures(With(n => n.Queues.Add(new NotificationQueueOptions { Url = Url, Name = "other" })));

        Assert.Contains("names must be unique", sameName, StringComparison.Ordinal);
        Assert.Contains("'trail-notifications'", sameName, StringComparison.Ordinal);
        Assert.Contains("must not list a queue URL twice", sameUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WaitTime", "00:00:00")]
    [InlineData("WaitTime", "00:00:21")]
    [InlineData("WaitTime", "00:00:01.500")]
    [InlineData("VisibilityTimeout", "00:00:01")]
    [InlineData("VisibilityTimeout", "12:00:01")]
    [InlineData("QuietAfter", "00:00:00")]
    [InlineData("DigestListInterval", "-00:00:01")]
    [InlineData("DiscoveryInterval", "00:00:00")]
    [InlineData("HintedDiscoveryGap", "00:00:00")]
    public void ATimeOutOfRange_FailsNamingIt(string option, string value)
    {
        var time = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var options = With(n =>
        {
            switch (option)
            {
                case "WaitTime": n.WaitTime = time; break;
                case "VisibilityTimeout": n.VisibilityTimeout = time; break;
                case "QuietAfter": n.QuietAfter = time; break;
                case "DiscoveryInterval": n.DiscoveryInterval = time; break;
                case "HintedDiscoveryGap": n.HintedDiscoveryGap = time; break;
                default: n.DigestListInterval = time; break;
            }
        });

        Assert.Contains($"Ingestion:Notifications:{option}", Failures(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxMessages", 0)]
    [InlineData("MaxMessages", 11)]
    [InlineData("MaxReceives", 0)]
    [InlineData("MaxMessageBytes", 0)]
    [InlineData("MaxKeysPerMessage", 0)]
    public void ACountOutOfRange_FailsNamingIt(string option, int value)
    {
        var options = With(n =>
        {
            switch (option)
            {
                case "MaxMessages": n.MaxMessages = value; break;
                case "MaxReceives": n.MaxReceives = value; break;
                case "MaxMessageBytes": n.MaxMessageBytes = value; break;
                default: n.MaxKeysPerMessage = value; break;
            }
        });

        Assert.Contains($"Ingestion:Notifications:{option}", Failures(options), StringComparison.Ordinal);
    }

    [Fact]
    public void DiscoveryEvery_IsTheQueueModesInterval_OnlyWhenQueuesAreConfigured()
    {
        var polling = new IngestionOptions { DiscoveryInterval = TimeSpan.FromMinutes(7) };
        var queued = With(n => n.DiscoveryInterval = TimeSpan.FromMinutes(45));
        queued.DiscoveryInterval = TimeSpan.FromMinutes(7);

        Assert.Equal(TimeSpan.FromMinutes(7), polling.DiscoveryEvery);
        Assert.Equal(TimeSpan.FromMinutes(45), queued.DiscoveryEvery);
        Assert.Equal(TimeSpan.FromHours(1), new NotificationOptions().DiscoveryInterval);
    }
}
