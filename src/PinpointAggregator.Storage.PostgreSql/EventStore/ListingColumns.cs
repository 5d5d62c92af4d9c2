using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// An <see cref="ApplicationListing"/> as a row of <c>pinpoint_applications</c>: the upsert a commit sends
/// with its state, and the row read back. Changes and counts by key are jsonb.
/// </summary>
internal static class ListingColumns
{
    public const string List =
        "account_id, region, application_id, name, deleted, created::text, deleted_by::text, first_event_at, last_event_at, events, errors, " +
        "by_action::text, error_codes::text, callers::text";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static NpgsqlBatchCommand Upsert(ApplicationListing listing)
    {
        var command = new NpgsqlBatchCommand(
            "insert into pinpoint_applications (account_id, region, application_id, name, deleted, created, deleted_by, first_event_at, last_event_at, " +
            "events, errors, by_action, error_codes, callers) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) " +
            "on conflict (account_id, region, application_id) do update set name = excluded.name, deleted = excluded.deleted, created = excluded.created, " +
            "deleted_by = excluded.deleted_by, first_event_at = excluded.first_event_at, last_event_at = excluded.last_event_at, events = excluded.events, " +
            "errors = excluded.errors, by_action = excluded.by_action, error_codes = excluded.error_codes, callers = excluded.callers, updated_at = now()");
        command.Parameters.Add(Text(listing.Account));
        command.Parameters.Add(Text(listing.Region));
        command.Parameters.Add(Text(listing.ApplicationId));
        command.Parameters.Add(Text(listing.Name));
        command.Parameters.Add(new NpgsqlParameter { Value = listing.Deleted });
        command.Parameters.Add(Jsonb(listing.Created));
        command.Parameters.Add(Jsonb(listing.DeletedBy));
        command.Parameters.Add(Time(listing.FirstEventAt));
        command.Parameters.Add(Time(listing.LastEventAt));
        command.Parameters.Add(new NpgsqlParameter { Value = listing.Events });
        command.Parameters.Add(new NpgsqlParameter { Value = listing.Errors });
        command.Parameters.Add(Jsonb(listing.ByAction));
        command.Parameters.Add(Jsonb(listing.ErrorCodes));
        command.Parameters.Add(Jsonb(listing.Callers));
        return command;
    }

    public static ApplicationListing Read(NpgsqlDataReader row)
    {
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        DateTime? Time(int i) => row.IsDBNull(i) ? null : DateTime.SpecifyKind(row.GetDateTime(i), DateTimeKind.Utc);
        return new ApplicationListing
        {
            Account = row.GetString(0),
            Region = row.GetString(1),
            ApplicationId = row.GetString(2),
            Name = Text(3),
            Deleted = row.GetBoolean(4),
            Created = Text(5) is { } created ? JsonSerializer.Deserialize<Change>(created, Json) : null,
            DeletedBy = Text(6) is { } deletedBy ? JsonSerializer.Deserialize<Change>(deletedBy, Json) : null,
            FirstEventAt = Time(7),
            LastEventAt = Time(8),
            Events = row.GetInt64(9),
            Errors = row.GetInt64(10),
            ByAction = Counts(row.GetString(11)),
            ErrorCodes = Counts(row.GetString(12)),
            Callers = Counts(row.GetString(13)),
        };
    }

    private static Dictionary<string, long> Counts(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, long>>(json, Json) ?? [], StringComparer.Ordinal);

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)PostgresText.Clean(value) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Time(DateTime? value) =>
        new() { Value = value is { } time ? EventQuerySql.Utc(time) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter Jsonb<T>(T? value) where T : class =>
        new() { Value = value is null ? DBNull.Value : PostgresText.CleanJson(JsonSerializer.Serialize(value, Json))!, NpgsqlDbType = NpgsqlDbType.Jsonb };
}
