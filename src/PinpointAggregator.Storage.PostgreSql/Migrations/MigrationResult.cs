namespace PinpointAggregator.Storage.PostgreSql.Migrations;

/// <summary>What a migration run did: the migrations it applied now, and those it found already applied.</summary>
public sealed record MigrationResult(IReadOnlyList<Migration> Applied, IReadOnlyList<Migration> AlreadyApplied);
