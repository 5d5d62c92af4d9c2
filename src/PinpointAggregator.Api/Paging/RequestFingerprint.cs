using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace PinpointAggregator.Api.Paging;

/// <summary>
/// A hash of a list request's message type and every field but <c>page_token</c> and <c>page_size</c>: what
/// a page token is bound to, so it is refused for another request shape or with other filters. The page size
/// may change between pages, as Google's API guide allows.
/// </summary>
internal static class RequestFingerprint
{
    private static readonly HashSet<string> Unbound = new(StringComparer.Ordinal) { "page_token", "page_size" };

    public static byte[] Of(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        foreach (var field in copy.Descriptor.Fields.InFieldNumberOrder().Where(f => Unbound.Contains(f.Name)))
        {
            field.Accessor.Clear(copy);
        }

        // Serialization of a message without map fields is deterministic: fields in number order, lists in order.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(copy.Descriptor.FullName));
        hash.AppendData([0]);
        hash.AppendData(copy.ToByteArray());
        return hash.GetHashAndReset();
    }
}
