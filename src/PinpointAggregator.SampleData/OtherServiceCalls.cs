using System.Text.Json.Nodes;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Calls to other AWS services, including decoys that mention Pinpoint without being Pinpoint events:
/// KMS calls invoked by pinpoint.amazonaws.com, CloudTrail event selectors naming it, and AWS End User
/// Messaging (<c>sms-voice.amazonaws.com</c>) calls.
/// </summary>
internal sealed class OtherServiceCalls(SampleTrailOptions options, SampleRecordShell shell)
{
    private static readonly (string Source, string Name, bool ReadOnly, double Weight)[] Calls =
    [
        ("sts.amazonaws.com", "AssumeRole", false, 10), ("kms.amazonaws.com", "Decrypt", true, 10),
        ("kms.amazonaws.com", "Decrypt@pinpoint", true, 2), ("ec2.amazonaws.com", "DescribeInstances", true, 8),
        ("s3.amazonaws.com", "GetBucketAcl", true, 5), ("lambda.amazonaws.com", "ListFunctions20150331", true, 2),
        ("logs.amazonaws.com", "CreateLogStream", false, 4), ("monitoring.amazonaws.com", "GetMetricData", true, 4),
        ("ssm.amazonaws.com", "GetParameter", true, 3), ("iam.amazonaws.com", "GetRole", true, 3),
        ("sms-voice.amazonaws.com", "DescribeConfigurationSets", true, 1), ("cloudtrail.amazonaws.com", "PutEventSelectors", false, 0.2),
        ("cloudtrail.amazonaws.com", "LookupEvents", true, 0.5),
    ];

    private static readonly double[] Cumulative = PinpointCalls.Accumulate(Calls.Select(c => c.Weight));

    public SampleRecord Next(DateTimeOffset t, IReadOnlyList<SampleApp> apps)
    {
        var random = shell.Random;
        var (source, name, readOnly, _) = Calls[random.Weighted(Cumulative)];
        var identity = shell.Identity(t);
        JsonObject? request = null, response = null;
        switch (name)
        {
            case "Decrypt@pinpoint":
                // Pinpoint decrypting with a customer key: the caller is the Pinpoint service, the source is KMS.
                name = "Decrypt";
                identity = new JsonObject { ["type"] = "AWSService", ["invokedBy"] = SampleRecordShell.PinpointSource };
                request = new JsonObject { ["encryptionContext"] = new JsonObject { ["aws:pinpoint:application-id"] = apps.Count > 0 ? random.Pick(apps).Id : "none" } };
                break;
            case "Decrypt":
                request = new JsonObject { ["encryptionAlgorithm"] = "SYMMETRIC_DEFAULT", ["encryptionContext"] = new JsonObject { ["aws:s3:arn"] = $"arn:aws:s3:::data-{shell.Account}/{random.HexString(12)}" } };
                break;
            case "AssumeRole":
                request = new JsonObject { ["roleArn"] = $"arn:aws:iam::{shell.Account}:role/ReadOnly", ["roleSessionName"] = "session-" + random.Next(100_000), ["durationSeconds"] = 3600 };
                response = new JsonObject { ["credentials"] = new JsonObject { ["accessKeyId"] = "ASIA" + random.UpperString(16), ["expiration"] = "Jun 1, 2024, 1:00:00 PM" } };
                break;
            case "DescribeInstances":
                request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["name"] = "tag:Environment" }) } };
                break;
            case "PutEventSelectors":
                request = new JsonObject { ["trailName"] = "org-trail", ["advancedEventSelectors"] = new JsonArray(new JsonObject { ["field"] = "eventSource", ["equals"] = new JsonArray(SampleRecordShell.PinpointSource) }) };
                break;
            case "LookupEvents":
                request = new JsonObject { ["lookupAttributes"] = new JsonArray(new JsonObject { ["attributeKey"] = "EventSource", ["attributeValue"] = SampleRecordShell.PinpointSource }), ["maxResults"] = 50 };
                break;
            case "DescribeConfigurationSets":
                request = new JsonObject { ["maxResults"] = 20 };
                break;
            default:
                request = new JsonObject { ["name"] = $"{name}-{random.HexString(8)}" };
                break;
        }

        var error = identity["type"]?.GetValue<string>() != "AWSService" && random.Chance(options.PinpointErrorShare / 2)
            ? new SampleRecordShell.CallError("AccessDenied", "Access Denied")
            : null;
        return shell.Record(new SampleRecordShell.Call(source, name, readOnly, identity, request, response, error), t, applicationId: null);
    }
}
