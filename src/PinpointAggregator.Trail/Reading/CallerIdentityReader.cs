using System.Text.Json;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Trail.Reading;

/// <summary>Reduces a record's <c>userIdentity</c> object to a <see cref="CallerIdentity"/>.</summary>
internal static class CallerIdentityReader
{
    // A role session's ARN and principal id name the session, which differs from session to session: not pooled.
    private static readonly JsonObjectStrings Names = new(
        ["type", "arn", "accountId", "principalId", "userName", "invokedBy"],
        pooled: ["type", "accountId", "userName", "invokedBy"]);

    public static CallerIdentity Read(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return CallerIdentity.Unknown;
        }

        var values = Names.Read(json);
        return new CallerIdentity(values[0], values[1], values[2], values[3], values[4], SessionIssuerArn(json), values[5]);
    }

    /// <summary><c>sessionContext.sessionIssuer.arn</c>: the role behind an assumed-role session.</summary>
    private static string? SessionIssuerArn(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return JsonLookup.MoveToProperty(ref reader, "sessionContext"u8)
            && JsonLookup.MoveToProperty(ref reader, "sessionIssuer"u8)
            && JsonLookup.MoveToProperty(ref reader, "arn"u8)
            && reader.TokenType == JsonTokenType.String
            ? JsonLookup.PooledString(ref reader)
            : null;
    }
}
