using System.Text.Json.Nodes;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Generates Amazon Pinpoint API calls as CloudTrail logs them: path parameters and the REST body merged
/// into <c>requestParameters</c>, response fields directly in <c>responseElements</c>, sensitive fields as
/// <c>***</c>; a share keeps SDK-style wrappers (<c>WriteCampaignRequest</c>, <c>CampaignResponse</c>).
/// </summary>
internal sealed class PinpointCalls(SampleTrailOptions options, SampleRecordShell shell)
{
    private static readonly string[] Channels = ["Adm", "Apns", "ApnsSandbox", "ApnsVoip", "ApnsVoipSandbox", "Baidu", "Email", "Gcm", "Sms"];
    private static readonly string[] Redacted = ["Name", "Description", "MessageConfiguration"];

    private static readonly (string Name, double Weight)[] Actions = BuildActions();
    private static readonly double[] Cumulative = Accumulate(Actions.Select(a => a.Weight));

    private SampleRandom Random => shell.Random;

    /// <summary>A random action on a random live application, or GetApps when none is alive.</summary>
    public SampleRecord Next(DateTimeOffset t, IReadOnlyList<SampleApp> apps)
    {
        var alive = apps.Where(a => a.IsAlive(t)).ToList();
        var name = Actions[Random.Weighted(Cumulative)].Name;
        return alive.Count == 0 || name == "GetApps" ? Call(t, "GetApps", null) : Call(t, name, Random.Pick(alive));
    }

    /// <summary>One call of <paramref name="name"/>; <paramref name="app"/> is null for account-level calls.</summary>
    public SampleRecord Call(DateTimeOffset t, string name, SampleApp? app, bool forceError = false)
    {
        var wrapped = Random.Chance(options.WrappedShare);
        var (request, response) = Body(name, app, t, wrapped);
        var lifeCycle = name is "CreateApp" or "DeleteApp";
        SampleRecordShell.CallError? error = null;
        if (forceError || (!lifeCycle && Random.Chance(options.PinpointErrorShare)))
        {
            error = Error(name, app);
        }

        var call = new SampleRecordShell.Call(SampleRecordShell.PinpointSource, name, name.StartsWith("Get", StringComparison.Ordinal), shell.Identity(t), request, response, error);

        // The truth's view: the application is the path parameter, or what a successful CreateApp created.
        var applicationId = name == "CreateApp" ? (error is null ? app!.Id : null) : (app?.Id);
        return shell.Record(call, t, applicationId);
    }

    private SampleRecordShell.CallError Error(string name, SampleApp? app)
    {
        var x = Random.NextDouble();
        var resource = app?.Arn ?? $"arn:aws:mobiletargeting:{shell.Region}:{shell.Account}:apps/*";
        return x switch
        {
            < 0.5 => new("AccessDenied", $"User is not authorized to perform: mobiletargeting:{name} on resource: {resource}"),
            < 0.75 when app is not null => new("NotFoundException", "Resource not found"),
            < 0.9 => new("BadRequestException", "Invalid request parameters"),
            _ => new("TooManyRequestsException", "Too many requests"),
        };
    }

    private (JsonObject Request, JsonObject? Response) Body(string name, SampleApp? app, DateTimeOffset t, bool wrapped)
    {
        var now = SampleRecordShell.Time(t);
        var request = new JsonObject();
        if (app is not null && name != "CreateApp")
        {
            request["application-id"] = app.Id;
        }

        JsonObject? body = null, result = null;
        string? bodyWrapper = null, resultWrapper = null;
        switch (name)
        {
            case "GetApps":
                request["page-size"] = "1000";
                break;
            case "CreateApp":
                (bodyWrapper, body) = ("CreateApplicationRequest", new JsonObject { ["Name"] = app!.Name, ["tags"] = new JsonObject() });
                (resultWrapper, result) = ("ApplicationResponse", new JsonObject { ["Arn"] = app.Arn, ["Id"] = app.Id, ["Name"] = app.Name, ["CreationDate"] = now });
                break;
            case "DeleteApp":
                (resultWrapper, result) = ("ApplicationResponse", new JsonObject { ["Arn"] = app!.Arn, ["Id"] = app.Id, ["Name"] = app.Name });
                break;
            case "UpdateApplicationSettings":
                (bodyWrapper, body) = ("WriteApplicationSettingsRequest", new JsonObject { ["CloudWatchMetricsEnabled"] = true, ["Limits"] = new JsonObject { ["Daily"] = 0, ["MessagesPerSecond"] = 100 } });
                (resultWrapper, result) = ("ApplicationSettingsResource", new JsonObject { ["ApplicationId"] = app!.Id, ["LastModifiedDate"] = now });
                break;
            case "PutEventStream":
                (bodyWrapper, body) = ("WriteEventStream", new JsonObject { ["DestinationStreamArn"] = $"arn:aws:kinesis:{shell.Region}:{shell.Account}:stream/pinpoint-events", ["RoleArn"] = $"arn:aws:iam::{shell.Account}:role/pinpoint-events" });
                (resultWrapper, result) = ("EventStream", new JsonObject { ["ApplicationId"] = app!.Id, ["DestinationStreamArn"] = $"arn:aws:kinesis:{shell.Region}:{shell.Account}:stream/pinpoint-events", ["LastModifiedDate"] = now });
                break;
            case "DeleteEventStream":
                (resultWrapper, result) = ("EventStream", new JsonObject { ["ApplicationId"] = app!.Id, ["LastModifiedDate"] = now });
                break;
            case "GetCampaigns" or "GetSegments" or "GetImportJobs":
                request["page-size"] = Random.Pick(["100", "1000"]);
                break;
            case "CreateCampaign" or "UpdateCampaign" or "DeleteCampaign" or "GetCampaign" or "GetCampaignActivities" or "GetCampaignVersions":
                (body, result, bodyWrapper, resultWrapper) = Resource(request, name, app!, "campaign-id", app!.Campaigns, "WriteCampaignRequest", "CampaignResponse", now);
                break;
            case "CreateSegment" or "UpdateSegment" or "DeleteSegment" or "GetSegment" or "GetSegmentVersions":
                (body, result, bodyWrapper, resultWrapper) = Resource(request, name, app!, "segment-id", app!.Segments, "WriteSegmentRequest", "SegmentResponse", now);
                break;
            case "CreateImportJob" or "GetImportJob":
                (body, result, bodyWrapper, resultWrapper) = Resource(request, name, app!, "job-id", app!.ImportJobs, "ImportJobRequest", "ImportJobResponse", now);
                break;
            default:
                if (name.EndsWith("Channel", StringComparison.Ordinal) && !name.StartsWith("Get", StringComparison.Ordinal))
                {
                    var channel = name[6..^7]; // after "Update"/"Delete", before "Channel"
                    if (name.StartsWith("Update", StringComparison.Ordinal))
                    {
                        (bodyWrapper, body) = (channel.ToUpperInvariant() + "ChannelRequest", new JsonObject { ["Enabled"] = true });
                    }

                    (resultWrapper, result) = (channel.ToUpperInvariant() + "ChannelResponse", new JsonObject
                    {
                        ["ApplicationId"] = app!.Id, ["Enabled"] = name.StartsWith("Update", StringComparison.Ordinal), ["Platform"] = channel.ToUpperInvariant(),
                        ["LastModifiedDate"] = now, ["Version"] = Random.Next(1, 20),
                    });
                }

                break;
        }

        Merge(request, body, bodyWrapper, wrapped);
        return (request, result is null ? null : Shape(result, resultWrapper!, wrapped));
    }

    /// <summary>Campaigns, segments and import jobs: the id is a path parameter, or returned by the create call.</summary>
    private (JsonObject? Body, JsonObject? Result, string BodyWrapper, string ResultWrapper) Resource(
        JsonObject request, string name, SampleApp app, string idParameter, IReadOnlyList<string> ids, string bodyWrapper, string resultWrapper, string now)
    {
        var create = name.StartsWith("Create", StringComparison.Ordinal);
        var id = create ? Random.HexString(32) : Random.Pick(ids);
        if (!create)
        {
            request[idParameter] = id;
        }

        var writes = create || name.StartsWith("Update", StringComparison.Ordinal);
        var body = writes ? new JsonObject { ["Name"] = "resource-" + id[..6], ["Description"] = "generated" } : null;
        var result = writes || name.StartsWith("Delete", StringComparison.Ordinal)
            ? new JsonObject { ["ApplicationId"] = app.Id, ["Id"] = id, ["Name"] = "resource-" + id[..6], ["CreationDate"] = now, ["Version"] = Random.Next(1, 9) }
            : null;
        return (body, result, bodyWrapper, resultWrapper);
    }

    private static void Merge(JsonObject request, JsonObject? body, string? wrapper, bool wrapped)
    {
        if (body is null)
        {
            return;
        }

        if (wrapped)
        {
            request[wrapper!] = Redact(body);
            return;
        }

        foreach (var (key, value) in Redact(body).ToList())
        {
            body.Remove(key);
            request[key] = value;
        }
    }

    private static JsonObject Shape(JsonObject result, string wrapper, bool wrapped) =>
        wrapped ? new JsonObject { [wrapper] = Redact(result) } : Redact(result);

    private static JsonObject Redact(JsonObject body)
    {
        foreach (var field in Redacted)
        {
            if (body.ContainsKey(field))
            {
                body[field] = "***";
            }
        }

        return body;
    }

    private static (string, double)[] BuildActions()
    {
        var actions = new List<(string, double)>
        {
            ("GetApps", 4), ("GetApp", 8), ("GetApplicationSettings", 4), ("UpdateApplicationSettings", 1),
            ("GetCampaigns", 8), ("GetCampaign", 6), ("GetCampaignActivities", 3), ("GetCampaignVersions", 2),
            ("CreateCampaign", 1.5), ("UpdateCampaign", 1.5), ("DeleteCampaign", 0.5),
            ("GetSegments", 6), ("GetSegment", 4), ("GetSegmentVersions", 1.5), ("CreateSegment", 1), ("UpdateSegment", 1), ("DeleteSegment", 0.4),
            ("GetImportJobs", 2), ("GetImportJob", 2), ("CreateImportJob", 0.8),
            ("GetEventStream", 2), ("PutEventStream", 0.3), ("DeleteEventStream", 0.2),
        };
        foreach (var channel in Channels)
        {
            actions.Add(($"Get{channel}Channel", 1.5));
            actions.Add(($"Update{channel}Channel", 0.3));
            actions.Add(($"Delete{channel}Channel", 0.1));
        }

        return [.. actions];
    }

    internal static double[] Accumulate(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }
}
