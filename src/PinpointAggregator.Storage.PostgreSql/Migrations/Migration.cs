namespace PinpointAggregator.Storage.PostgreSql.Migrations;

/// <summary>
/// One numbered SQL file, <c>Migrations/Sql/NNNN_name.sql</c>, applied once in its own transaction. The
/// checksum is SHA-256 of the SQL with line endings normalized, so a checkout with CRLF still matches.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
