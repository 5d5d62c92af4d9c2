namespace PinpointAggregator.Integration.Tests.Fakes;

/// <summary>
/// One request the local CloudTrail received, as it arrived: the target and content type, what the SigV4 Authorization
/// header says (access key, credential scope, signed headers) and whether its signature is right for the body and headers
/// received, the session token, and the body's times and token.
/// </summary>
internal sealed record ListPublicKeysCall(
    string? Target,
    string? ContentType,
    string? AccessKey,
    string? Scope,
    string? SignedHeaders,
    bool SignatureValid,
    string? SecurityToken,
    long? StartTime,
    long? EndTime,
    string? NextToken);
