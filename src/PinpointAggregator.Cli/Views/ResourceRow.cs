using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Views;

/// <summary>One audited resource of an application (the application itself, a channel, a campaign, ...) as a row of <c>apps show</c>.</summary>
internal sealed record ResourceRow(string Resource, string Id, Change? Created, Change? LastChange, Change? Deleted, long? Changes, string State)
{
    /// <summary>The application's resources: itself, then channels, campaigns, segments and import jobs by id, then its event stream and settings when changed.</summary>
    public static IReadOnlyList<ResourceRow> Of(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var rows = new List<ResourceRow> { new("application", application.ApplicationId, application.Created, application.NamedBy, application.Deleted, null, application.DisplayName) };
        rows.AddRange(application.Channels.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            new ResourceRow("channel", c.Key, null, c.Value.LastChange, c.Value.Deleted, c.Value.Changes, c.Value.HasEnabled ? (c.Value.Enabled ? "enabled" : "disabled") : string.Empty)));
        rows.AddRange(Resources("campaign", application.Campaigns));
        rows.AddRange(Resources("segment", application.Segments));
        rows.AddRange(Resources("import_job", application.ImportJobs));
        if (application.EventStream is { } stream && (stream.LastPut is not null || stream.LastDelete is not null))
        {
            rows.Add(new("event_stream", string.Empty, null, stream.LastPut, stream.LastDelete, null, stream.Active ? "active " + stream.DestinationStreamArn : "inactive"));
        }

        if (application.Settings is { LastChange: not null } settings)
        {
            rows.Add(new("settings", string.Empty, null, settings.LastChange, null, settings.Changes, string.Empty));
        }

        return rows;
    }

    private static IEnumerable<ResourceRow> Resources(string kind, IDictionary<string, ResourceAudit> resources) =>
        resources.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
            new ResourceRow(kind, r.Key, r.Value.Created, r.Value.LastUpdate, r.Value.Deleted, r.Value.Updates, r.Value.HasVersion ? "version " + r.Value.Version : string.Empty));
}
