namespace PinpointAggregator.Integration.Tests.Fakes;

/// <summary>One request the local STS received.</summary>
internal sealed record AssumeRoleCall(string Action, string RoleArn, string? SessionName, string? SourceIdentity, string? ExternalId, int? DurationSeconds, string? SignedWithAccessKey, DateTimeOffset At);
