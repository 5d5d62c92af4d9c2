using Npgsql;
using NpgsqlTypes;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>One row of <c>pinpoint_events</c>, mapped from the domain event, every text cleaned for PostgreSQL.</summary>
internal sealed record EventRow(AuditTarget Target, AuditEvent Event, DateTime FiledAt)
{
    private const string Columns =
        "target, deduplication_id, filed_at, event_id, is_addendum, account_id, region, application_id, event_time, event_source, " +
        "event_name, event_type, aws_region, resource_kind, resource_id, channel, unresolved_target, caller_type, caller_arn, " +
        "caller_account_id, caller_principal_id, caller_user_name, caller_issuer_arn, caller_invoked_by, caller, read_only, is_write, " +
        "error_code, error_message, source_ip, user_agent, request_id, source_key, request_parameters, response_elements";

    /// <summary>
    /// The rows of a commit's kept events. Each event is filed by its file's delivery time, bounded by
    /// <paramref name="now"/> (a future-named key claims no later month); a batch holds many events of few
    /// files, so each file key is parsed once.
    /// </summary>
    public static List<EventRow> Of(AuditTarget target, IReadOnlyList<AuditEvent> events, DateTime now)
    {
        var delivered = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var rows = new List<EventRow>(events.Count);
        foreach (var e in events)
        {
            var at = now;
            if (e.SourceKey is { } key && !delivered.TryGetValue(key, out at))
            {
                at = TrailKey.TryParse(key, out var parsed, out _) && parsed.Timestamp.UtcDateTime < now ? parsed.Timestamp.UtcDateTime : now;
                delivered[key] = at;
            }

            rows.Add(new EventRow(target, e, EventPartitions.FiledAt(e.EventTime.UtcDateTime, at)));
        }

        return rows;
    }

    /// <summary>
    /// Writes the rows with one binary COPY. The rows are encoded synchronously: Npgsql's per-value async
    /// writes cost a state machine per column (35 per row), which profiling showed as the COPY's main cost; the
    /// encoder only blocks when its 8 KB buffer goes to the socket, and the COPY completes asynchronously.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<EventRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"copy pinpoint_events ({Columns}) from stdin (format binary)", cancellationToken);
        foreach (var row in rows)
        {
            writer.StartRow();
            row.Write(writer);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private void Write(NpgsqlBinaryImporter writer)
    {
        var e = Event;
        Text(writer, Target.Key);
        Text(writer, e.DeduplicationId);
        writer.Write(FiledAt, NpgsqlDbType.TimestampTz);
        Text(writer, e.EventId);
        writer.Write(e.IsAddendum, NpgsqlDbType.Boolean);
        Text(writer, Target.Account);
        Text(writer, Target.Region ?? e.AwsRegion);
        Text(writer, Target.ApplicationId);
        writer.Write(e.EventTime.UtcDateTime, NpgsqlDbType.TimestampTz);
        Text(writer, e.EventSource);
        Text(writer, e.EventName);
        Text(writer, e.EventType);
        Text(writer, e.AwsRegion);
        Text(writer, e.Target.Resource.ToString());
        Text(writer, e.Target.ResourceId);
        Text(writer, e.Target.Channel?.ToString());
        Text(writer, e.Target.UnresolvedApplicationId);
        var caller = e.Caller;
        Text(writer, caller.Type);
        Text(writer, caller.Arn);
        Text(writer, caller.AccountId);
        Text(writer, caller.PrincipalId);
        Text(writer, caller.UserName);
        Text(writer, caller.SessionIssuerArn);
        Text(writer, caller.InvokedBy);
        Text(writer, caller.DisplayName);
        if (e.ReadOnly is { } readOnly)
        {
            writer.Write(readOnly, NpgsqlDbType.Boolean);
        }
        else
        {
            writer.WriteNull();
        }

        writer.Write(e.IsWrite, NpgsqlDbType.Boolean);
        Text(writer, e.ErrorCode);
        Text(writer, e.ErrorMessage);
        Text(writer, e.SourceIpAddress);
        Text(writer, e.UserAgent);
        Text(writer, e.RequestId);
        Text(writer, e.SourceKey);
        Json(writer, e.RequestParametersJson);
        Json(writer, e.ResponseElementsJson);
    }

    private static void Text(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(PostgresText.Clean(value)!, NpgsqlDbType.Text);
        }
    }

    private static void Json(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(PostgresText.CleanJson(value)!, NpgsqlDbType.Jsonb);
        }
    }
}
