using System.Globalization;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// A large stored organization made without trail files, for the API load benchmark: applications spread
/// over accounts and regions, each with a CreateApp and then campaign, segment, channel and read calls from a
/// few callers, some failing, spread over <see cref="Days"/> days. Deterministic (seeded), so every run
/// queries the same data.
/// </summary>
internal sealed class SyntheticAudit(int applications, int eventsPerApplication)
{
    public const int Days = 30;
    public static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];
    private static readonly (string Name, PinpointResource Resource, bool Write)[] Actions =
    [
        ("CreateCampaign", PinpointResource.Campaign, true),
        ("UpdateCampaign", PinpointResource.Campaign, true),
        ("GetCampaign", PinpointResource.Campaign, false),
        ("CreateSegment", PinpointResource.Segment, true),
        ("UpdateSegment", PinpointResource.Segment, true),
        ("GetSegments", PinpointResource.Segment, false),
        ("UpdateSmsChannel", PinpointResource.Channel, true),
        ("GetApp", PinpointResource.Application, false),
        ("UpdateApplicationSettings", PinpointResource.ApplicationSettings, true),
    ];

    public int Applications => applications;

    public long Events => (long)applications * eventsPerApplication;

    public static string Account(int index) => (100000000000L + (index % 100)).ToString(CultureInfo.InvariantCulture);

    public static ApplicationKey Key(int index) =>
        new(Account(index), Regions[index / 100 % Regions.Length], index.ToString("x8", CultureInfo.InvariantCulture) + "0a0b0c0d0e0f00112233445566778899"[..24]);

    public static string Campaign(int index, int campaign) => $"c{index:x6}{campaign:x2}";

    /// <summary>The events of application <paramref name="index"/>, oldest first.</summary>
    public IReadOnlyList<AuditEvent> EventsOf(int index)
    {
        var key = Key(index);
        var random = new Random(index);
        var events = new List<AuditEvent>(eventsPerApplication);
        var start = End.AddDays(-Days);
        var step = TimeSpan.FromDays(Days).Ticks / eventsPerApplication;
        for (var i = 0; i < eventsPerApplication; i++)
        {
            var at = new DateTime(start.Ticks + (i * step) + random.NextInt64(step), DateTimeKind.Utc);
            var (name, resource, write) = i == 0 ? ("CreateApp", PinpointResource.Application, true) : Actions[random.Next(Actions.Length)];
            var failed = random.Next(20) == 0;
            var resourceId = resource switch
            {
                PinpointResource.Campaign => Campaign(index, random.Next(8)),
                PinpointResource.Segment => $"s{index:x6}{random.Next(8):x2}",
                _ => null,
            };
            var caller = random.Next(4);
            events.Add(new AuditEvent
            {
                EventId = $"{index:x8}-0000-4000-8000-{i:x12}",
                EventTime = at,
                EventSource = "pinpoint.amazonaws.com",
                EventName = name,
                AwsRegion = key.Region,
                RecipientAccountId = key.Account,
                Caller = new CallerIdentity(
                    "AssumedRole",
                    $"arn:aws:sts::{key.Account}:assumed-role/team-{caller}/session",
                    key.Account,
                    $"AROA{caller:D8}",
                    null,
                    $"arn:aws:iam::{key.Account}:role/team-{caller}",
                    null),
                SourceIpAddress = $"10.0.{caller}.{random.Next(256)}",
                UserAgent = "aws-cli/2.15.0",
                ReadOnly = !write,
                IsWrite = write,
                ErrorCode = failed ? "AccessDenied" : null,
                ErrorMessage = failed ? "User is not authorized" : null,
                RequestId = $"{index:x8}-{i:x8}",
                RequestParametersJson = resourceId is null
                    ? $"{{\"application-id\":\"{key.ApplicationId}\"}}"
                    : $"{{\"application-id\":\"{key.ApplicationId}\",\"resource\":\"{resourceId}\"}}",
                ResponseElementsJson = i == 0 ? $"{{\"ApplicationResponse\":{{\"Name\":\"app-{index}\",\"Id\":\"{key.ApplicationId}\"}}}}" : null,
                Target = new PinpointTarget(key.ApplicationId, resource, resourceId, resource == PinpointResource.Channel ? PinpointChannel.Sms : null),
                Details = i == 0 ? new PinpointDetails($"app-{index}", null, null, null) : PinpointDetails.None,
                SourceKey = $"AWSLogs/o-exampleorg1/{key.Account}/CloudTrail/{key.Region}/{at:yyyy/MM/dd}/{key.Account}_CloudTrail_{key.Region}_{at:yyyyMMdd'T'HHmm}Z_synthetic.json.gz",
            });
        }

        return events;
    }
}
