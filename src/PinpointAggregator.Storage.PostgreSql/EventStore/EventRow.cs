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

    /// <summary>The row of <paramref name="e"/> kept at <paramref name="target"/>; <paramref name="now"/> bounds the delivery time a future-named key claims.</summary>
    public static EventRow Of(AuditTarget target, AuditEvent e, DateTime now)
    {
        var delivered = e.SourceKey is { } key && TrailKey.TryParse(key, out var parsed, out _) ? parsed.Timestamp.UtcDateTime : now;
        delivered = delivered > now ? now : delivered;
        return new EventRow(target, e, EventPartitions.FiledAt(e.EventTime.UtcDateTime, delivered));
    }

    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<EventRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"copy pinpoint_events ({Columns}) from stdin (format binary)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await row.WriteAsync(writer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task WriteAsync(NpgsqlBinaryImporter writer, CancellationToken cancellationToken)
    {
        var e = Event;
        await Text(writer, Target.Key, cancellationToken);
        await Text(writer, e.DeduplicationId, cancellationToken);
        await writer.WriteAsync(FiledAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await Text(writer, e.EventId, cancellationToken);
        await writer.WriteAsync(e.IsAddendum, NpgsqlDbType.Boolean, cancellationToken);
        await Text(writer, Target.Account, cancellationToken);
        await Text(writer, Target.Region ?? e.AwsRegion, cancellationToken);
        await Text(writer, Target.ApplicationId, cancellationToken);
        await writer.WriteAsync(e.EventTime.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await Text(writer, e.EventSource, cancellationToken);
        await Text(writer, e.EventName, cancellationToken);
        await Text(writer, e.EventType, cancellationToken);
        await Text(writer, e.AwsRegion, cancellationToken);
        await Text(writer, e.Target.Resource.ToString(), cancellationToken);
        await Text(writer, e.Target.ResourceId, cancellationToken);
        await Text(writer, e.Target.Channel?.ToString(), cancellationToken);
        await Text(writer, e.Target.UnresolvedApplicationId, cancellationToken);
        var caller = e.Caller;
        await Text(writer, caller.Type, cancellationToken);
        await Text(writer, caller.Arn, cancellationToken);
        await Text(writer, caller.AccountId, cancellationToken);
        await Text(writer, caller.PrincipalId, cancellationToken);
        await Text(writer, caller.UserName, cancellationToken);
        await Text(writer, caller.SessionIssuerArn, cancellationToken);
        await Text(writer, caller.InvokedBy, cancellationToken);
        await Text(writer, caller.DisplayName, cancellationToken);
        await Nullable(writer, e.ReadOnly, NpgsqlDbType.Boolean, cancellationToken);
        await writer.WriteAsync(e.IsWrite, NpgsqlDbType.Boolean, cancellationToken);
        await Text(writer, e.ErrorCode, cancellationToken);
        await Text(writer, e.ErrorMessage, cancellationToken);
        await Text(writer, e.SourceIpAddress, cancellationToken);
        await Text(writer, e.UserAgent, cancellationToken);
        await Text(writer, e.RequestId, cancellationToken);
        await Text(writer, e.SourceKey, cancellationToken);
        await Json(writer, e.RequestParametersJson, cancellationToken);
        await Json(writer, e.ResponseElementsJson, cancellationToken);
    }

    private static Task Text(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(PostgresText.Clean(value)!, NpgsqlDbType.Text, cancellationToken);

    private static Task Json(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(PostgresText.CleanJson(value)!, NpgsqlDbType.Jsonb, cancellationToken);

    private static Task Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}
