using Npgsql;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// The columns of <c>pinpoint_events</c> a query reads, and a row of them as a <see cref="StoredEvent"/>. The
/// raw JSON columns are selected only when asked for, so a search page never reads the jsonb.
/// </summary>
internal static class StoredEventColumns
{
    private const string Plain =
        "target, event_id, event_time, account_id, region, application_id, event_source, event_name, event_type, resource_kind, " +
        "resource_id, channel, unresolved_target, caller_type, caller_arn, caller_account_id, caller_principal_id, caller_user_name, " +
        "caller_issuer_arn, caller_invoked_by, caller, read_only, is_write, error_code, error_message, source_ip, user_agent, request_id, " +
        "source_key, is_addendum";

    private const string Raw = ", request_parameters::text, response_elements::text";

    /// <summary>How many columns <see cref="List"/> selects.</summary>
    public static int Count(bool includeRaw) => includeRaw ? 32 : 30;

    public static string List(bool includeRaw) => includeRaw ? Plain + Raw : Plain;

    /// <summary>The event in the reader's current row, its columns starting at <paramref name="first"/>.</summary>
    public static StoredEvent Read(NpgsqlDataReader row, int first, bool includeRaw)
    {
        string? Text(int i) => row.IsDBNull(first + i) ? null : row.GetString(first + i);
        return new StoredEvent
        {
            Target = row.GetString(first),
            EventId = row.GetString(first + 1),
            EventTime = DateTime.SpecifyKind(row.GetDateTime(first + 2), DateTimeKind.Utc),
            Account = row.GetString(first + 3),
            Region = Text(4),
            ApplicationId = Text(5),
            EventSource = row.GetString(first + 6),
            EventName = row.GetString(first + 7),
            EventType = Text(8),
            ResourceKind = row.GetString(first + 9),
            ResourceId = Text(10),
            Channel = Text(11),
            UnresolvedTarget = Text(12),
            CallerType = Text(13),
            CallerArn = Text(14),
            CallerAccountId = Text(15),
            CallerPrincipalId = Text(16),
            CallerUserName = Text(17),
            CallerIssuerArn = Text(18),
            CallerInvokedBy = Text(19),
            Caller = row.GetString(first + 20),
            ReadOnly = row.IsDBNull(first + 21) ? null : row.GetBoolean(first + 21),
            IsWrite = row.GetBoolean(first + 22),
            ErrorCode = Text(23),
            ErrorMessage = Text(24),
            SourceIp = Text(25),
            UserAgent = Text(26),
            RequestId = Text(27),
            SourceKey = Text(28),
            IsAddendum = row.GetBoolean(first + 29),
            RequestParametersJson = includeRaw ? Text(30) : null,
            ResponseElementsJson = includeRaw ? Text(31) : null,
        };
    }
}
