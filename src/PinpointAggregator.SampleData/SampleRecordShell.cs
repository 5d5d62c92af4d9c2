using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Builds the CloudTrail envelope around a call (identity, time, addresses, ids, TLS details) for one
/// account and region, and serializes it the way CloudTrail does: compact UTF-8, non-ASCII unescaped.
/// </summary>
internal sealed class SampleRecordShell(SampleTrailOptions options, SampleAccount account, string region, SampleRandom random)
{
    public const string PinpointSource = "pinpoint.amazonaws.com";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] UserAgents =
    [
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-cloud-amd64 exe/x86_64.debian.12 prompt/off command/{0}",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
        "aws-sdk-java/2.25.10 Linux/5.10.213 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache",
        "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 aws-sdk-go-v2/1.26.0 os/linux lang/go#1.22.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
    ];

    public string Account => account.Id;

    public string Region => region;

    public SampleRandom Random => random;

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A caller: mostly role sessions, some IAM users, a little root and Identity Center.</summary>
    public JsonObject Identity(DateTimeOffset t)
    {
        var x = random.NextDouble();
        if (x < 0.65)
        {
            var i = random.Next(account.Roles.Count);
            var session = random.Pick(["alice", "bob", "carol", "botocore-session-" + random.Next(1_000_000)]);
            var identity = new JsonObject
            {
                ["type"] = "AssumedRole",
                ["principalId"] = $"{account.RoleIds[i]}:{session}",
                ["arn"] = $"arn:aws:sts::{account.Id}:assumed-role/{account.Roles[i]}/{session}",
                ["accountId"] = account.Id,
                ["accessKeyId"] = "ASIA" + random.UpperString(16),
                ["sessionContext"] = new JsonObject
                {
                    ["sessionIssuer"] = new JsonObject
                    {
                        ["type"] = "Role", ["principalId"] = account.RoleIds[i], ["arn"] = $"arn:aws:iam::{account.Id}:role/{account.Roles[i]}",
                        ["accountId"] = account.Id, ["userName"] = account.Roles[i],
                    },
                    ["attributes"] = new JsonObject { ["creationDate"] = Time(t.AddMinutes(-random.Next(1, 60))), ["mfaAuthenticated"] = "false" },
                },
            };
            if (random.Chance(0.05))
            {
                identity["invokedBy"] = "cloudformation.amazonaws.com";
            }

            return identity;
        }

        if (x < 0.93)
        {
            var i = random.Next(account.Users.Count);
            return new JsonObject
            {
                ["type"] = "IAMUser", ["principalId"] = account.UserIds[i], ["arn"] = $"arn:aws:iam::{account.Id}:user/{account.Users[i]}",
                ["accountId"] = account.Id, ["accessKeyId"] = "AKIA" + random.UpperString(16), ["userName"] = account.Users[i],
            };
        }

        if (x < 0.98)
        {
            return new JsonObject
            {
                ["type"] = "Root", ["principalId"] = account.Id, ["arn"] = $"arn:aws:iam::{account.Id}:root",
                ["accountId"] = account.Id, ["accessKeyId"] = "ASIA" + random.UpperString(16),
            };
        }

        return new JsonObject
        {
            ["type"] = "IdentityCenterUser", ["accountId"] = account.Id,
            ["onBehalfOf"] = new JsonObject { ["userId"] = random.Uuid(), ["identityStoreArn"] = "arn:aws:identitystore::" + account.Id + ":identitystore/d-" + random.HexString(10) },
            ["credentialId"] = random.Uuid(),
        };
    }

    /// <summary>Wraps a call in the CloudTrail envelope and serializes it.</summary>
    public SampleRecord Record(Call call, DateTimeOffset t, string? applicationId)
    {
        var eventId = random.Uuid();
        var time = Time(t);
        var service = call.Source[..call.Source.IndexOf('.', StringComparison.Ordinal)];
        var viaService = call.Identity["type"]?.GetValue<string>() == "AWSService";
        var record = new JsonObject
        {
            ["eventVersion"] = random.Chance(0.7) ? "1.08" : "1.09",
            ["userIdentity"] = call.Identity,
            ["eventTime"] = time,
            ["eventSource"] = call.Source,
            ["eventName"] = call.Name,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = viaService ? call.Identity["invokedBy"]!.GetValue<string>() : random.Pick(account.Addresses),
            ["userAgent"] = viaService ? call.Identity["invokedBy"]!.GetValue<string>() : string.Format(CultureInfo.InvariantCulture, random.Pick(UserAgents), service + "." + call.Name.ToLowerInvariant()),
        };
        if (call.Error is { } error)
        {
            record["errorCode"] = error.Code;
            record["errorMessage"] = error.Message;
        }

        record["requestParameters"] = call.Request;
        record["responseElements"] = call.Error is null ? call.Response : null;
        record["requestID"] = random.Uuid();
        record["eventID"] = eventId;
        record["readOnly"] = call.ReadOnly;
        record["eventType"] = "AwsApiCall";
        record["managementEvent"] = true;
        record["recipientAccountId"] = account.Id;
        record["eventCategory"] = "Management";
        if (!viaService)
        {
            record["tlsDetails"] = new JsonObject
            {
                ["tlsVersion"] = "TLSv1.3", ["cipherSuite"] = "TLS_AES_128_GCM_SHA256", ["clientProvidedHostHeader"] = $"{service}.{region}.amazonaws.com",
            };
        }

        var facts = new EventFacts(eventId, eventId, call.Source, call.Name, applicationId, time, call.Error?.Code, account.Id, region);
        return new SampleRecord(Serialize(record), facts);
    }

    /// <summary>A re-sent copy of a record with a new eventID and an UPDATED_DATA addendum naming the original.</summary>
    public SampleRecord Addendum(SampleRecord original)
    {
        var node = original.ToNode();
        var eventId = random.Uuid();
        node["eventID"] = eventId;
        node["addendum"] = new JsonObject
        {
            ["reason"] = "UPDATED_DATA", ["updatedFields"] = "userAgent",
            ["originalRequestID"] = node["requestID"]!.GetValue<string>(), ["originalEventID"] = original.Facts.EventId,
        };
        return new SampleRecord(Serialize(node), original.Facts with { EventId = eventId });
    }

    private string Serialize(JsonObject record)
    {
        if (random.Chance(options.SortedKeyShare))
        {
            var sorted = new JsonObject();
            foreach (var (key, value) in record.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
            {
                record.Remove(key);
                sorted[key] = value;
            }

            record = sorted;
        }

        return record.ToJsonString(Compact);
    }

    /// <summary>An API call before it is wrapped in the envelope.</summary>
    public sealed record Call(string Source, string Name, bool ReadOnly, JsonObject Identity, JsonNode? Request, JsonNode? Response, CallError? Error = null);

    public sealed record CallError(string Code, string Message);
}
