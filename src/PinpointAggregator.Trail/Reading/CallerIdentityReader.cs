using System.Text.Json;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Trail.Reading;

/// <summary>Reduces a record's <c>userIdentity</c> object to a <see cref="CallerIdentity"/>.</summary>
internal static class CallerIdentityReader
{
    private static readonly string[] Names = ["type", "arn", "accountId", "principalId", "userName", "invokedBy"];

    public static CallerIdentity Read(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return CallerIdentity.Unknown;
        }

        var values = JsonObjectStrings.Read(json, Names);
        return new CallerIdentity(values[0], values[1], values[2], values[3], values[4], SessionIssuerArn(json), values[5]);
    }

    /// <summary><c>sessionContext.sessionIssuer.arn</c>: the role behind an assumed-role session.</summary>
    private static string? SessionIssuerArn(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return Descend(ref reader, "sessionContext"u8) && Descend(ref reader, "sessionIssuer"u8) && Descend(ref reader, "arn"u8) && reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : null;
    }

    /// <summary>From the start of an object, moves the reader to the value of <paramref name="name"/>.</summary>
    private static bool Descend(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
