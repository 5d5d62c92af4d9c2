using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// CloudTrail's <c>ListPublicKeys</c> in one region, with an account's credentials: the one CloudTrail call the service
/// makes, so it is made here rather than through AWSSDK.CloudTrail (which our package mirror does not serve). The
/// request is CloudTrail's JSON 1.1 protocol (<c>POST /</c>, <c>X-Amz-Target: CloudTrail_20131101.ListPublicKeys</c>),
/// signed by AWSSDK.Core's own SigV4 signer (<c>AWS4Signer</c>) with the credentials <see cref="AccountCredentialsProvider"/>
/// gives the account (its assumed role, or the ambient chain). Thread-safe; one per silo.
/// </summary>
/// <remarks>
/// Every failure — throttling, a server error, the network, the role denied, credentials that cannot be had, an answer
/// that is not CloudTrail's — is a <see cref="DigestKeySourceException"/>: the digest is checked again later. Its
/// message names the region, the role and AWS's error code, never a credential nor AWS's error text (which can quote
/// the signed headers). No retries here: the caller's next poll is the retry.
/// </remarks>
public sealed partial class ListPublicKeysClient : IDisposable
{
    public const string Target = "CloudTrail_20131101.ListPublicKeys";
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Largest answer read (one page); CloudTrail's are a few kilobytes.</summary>
    public const int MaxResponseBytes = 1 << 20;

    /// <summary>Most pages followed for one listing; a listing that goes on is not CloudTrail's.</summary>
    public const int MaxPages = 20;

    /// <summary>How long one request may take, answer included.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly AwsOptions _options;
    private readonly AccountCredentialsProvider _credentials;
    private readonly AwsMetrics _metrics;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly CloudTrailSigningConfig _signing = new();

    public ListPublicKeysClient(IOptions<AwsOptions> options, AccountCredentialsProvider credentials, AwsMetrics metrics, ILogger<ListPublicKeysClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _credentials, _metrics) = (options.Value, credentials, metrics);
        _logger = logger ?? (ILogger)NullLogger.Instance;

        // Connections are renewed now and then so a regional endpoint's DNS changes are followed.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = RequestTimeout };
    }

    /// <summary>
    /// Every key CloudTrail lists in <paramref name="region"/> for digests between <paramref name="start"/> and
    /// <paramref name="end"/>, following <c>NextToken</c>; keys whose stated fingerprint is not the MD5 of their bytes
    /// (or that are not RSA keys) are left out and logged.
    /// </summary>
    /// <param name="account">Whose credentials sign (a 12-digit id), or null for the hub role or ambient chain.</param>
    /// <param name="region">The digest's region: the endpoint's and the signature's.</param>
    /// <param name="start">The listing's <c>StartTime</c>: keys valid at any time from it on.</param>
    /// <param name="end">The listing's <c>EndTime</c>.</param>
    /// <param name="cancellationToken">Stops waiting; the listing is then not had.</param>
    /// <exception cref="DigestKeySourceException">The listing could not be had now.</exception>
    public async Task<IReadOnlyList<CloudTrailPublicKey>> ListAsync(string? account, string region, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (!TrailNames.IsRegion(region))
        {
            throw new ArgumentException($"'{region}' is not a region name.", nameof(region));
        }

        if (account is not null && !TrailNames.IsAccountId(account))
        {
            throw new ArgumentException("Not a 12-digit account id.", nameof(account));
        }

        var call = new Call(account, region, _credentials.Describe(account), Endpoint(region));
        var keys = new List<CloudTrailPublicKey>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 1; ; page++)
        {
            var answer = await SendAsync(call, Body(start, end, token), cancellationToken).ConfigureAwait(false);
            keys.AddRange(answer.Keys);
            foreach (var refused in answer.Refused)
            {
                LogKeyRefused(_logger, region, refused.StatedFingerprint, refused.Reason);
            }

            if ((token = answer.NextToken) is null)
            {
                return keys;
            }

            if (!tokens.Add(token) || page == MaxPages)
            {
                throw Failed(call, "InvalidPaging", tokens.Count < page ? "failed: CloudTrail repeated a NextToken" : $"failed: the listing went on past {MaxPages} pages");
            }
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary><see cref="AwsOptions.CloudTrailServiceUrl"/>, or <c>https://cloudtrail.REGION.</c> and the region's partition's domain.</summary>
    internal Uri Endpoint(string region) =>
        _options.CloudTrailServiceUrl is { } url
            ? new Uri(url)
            : new Uri($"https://cloudtrail.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}/");

    /// <summary><c>{"StartTime":…,"EndTime":…,"NextToken":…}</c>, times in epoch seconds as CloudTrail's JSON protocol sends them.</summary>
    internal static byte[] Body(DateTimeOffset start, DateTimeOffset end, string? nextToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("StartTime", start.ToUnixTimeSeconds());
            writer.WriteNumber("EndTime", end.ToUnixTimeSeconds());
            if (nextToken is not null)
            {
                writer.WriteString("NextToken", nextToken);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task<ListPublicKeysPage> SendAsync(Call call, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await CredentialsAsync(call).ConfigureAwait(false);
        using var request = Signed(call, body, credentials);
        _metrics.Request(AwsRequestKinds.ListPublicKeys);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var answer = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK
                ? ListPublicKeysResponseParser.Parse(answer)
                : throw Refused(call, CloudTrailError.From(response.StatusCode, response.Headers, answer));
        }
        catch (InvalidDataException e)
        {
            throw Failed(call, "InvalidResponse", $"failed: the answer is not a ListPublicKeys answer: {e.Message}");
        }
        catch (Exception e) when (IsNetwork(e) && !cancellationToken.IsCancellationRequested)
        {
            throw Failed(call, e.GetType().Name, $"failed: {call.Endpoint.Host} could not be reached ({e.Message})", e);
        }
    }

    /// <summary>The account's credentials now: the SDK's async path, which renews an assumed role's session when due.</summary>
    private async Task<ImmutableCredentials> CredentialsAsync(Call call)
    {
        try
        {
            var source = _credentials.For(call.Account) ?? await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(_signing).ConfigureAwait(false);
            return await source.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (StsFailures.KeepsHeldSession(e))
        {
            // STS's or the chain's own text is left out: it is not ours to vouch for (see the class remarks).
            var code = StsFailures.Code(e);
            throw Failed(call, code, $"failed: no credentials could be had ({code})", IsNetwork(e) ? e : null);
        }
    }

    /// <summary>The request as AWS4Signer signed it: every header it signed is sent as signed.</summary>
    private HttpRequestMessage Signed(Call call, byte[] body, ImmutableCredentials credentials)
    {
        using var signing = new DefaultRequest(new ListPublicKeysRequest(), "CloudTrail")
        {
            HttpMethod = "POST",
            Endpoint = call.Endpoint,
            ResourcePath = "/",
            Content = body,
            OverrideSigningServiceName = CloudTrailSigningConfig.SigningName,
            AuthenticationRegion = call.Region,
        };
        signing.Headers["Content-Type"] = ContentType;
        signing.Headers["X-Amz-Target"] = Target;
        if (credentials.UseToken)
        {
            signing.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var result = new AWS4Signer().SignRequest(signing, _signing, null, credentials.AccessKey, credentials.SecretKey);
        var request = new HttpRequestMessage(HttpMethod.Post, call.Endpoint) { Content = new ByteArrayContent(body) };

        // Exactly as signed: StringContent would add "; charset=utf-8" and break the signature.
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        foreach (var (name, value) in signing.Headers)
        {
            // HttpClient writes Host from the URI, the same value the signer put in (port only when not the default).
            if (name is not ("Content-Type" or "host" or "Host"))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
        return request;
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new InvalidDataException($"the answer is larger than {MaxResponseBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new InvalidDataException($"the answer is larger than {MaxResponseBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }
        }

        return buffer.ToArray();
    }

    private DigestKeySourceException Refused(Call call, CloudTrailError error)
    {
        var what = error.IsDenied
            ? $"was denied ({error.Code}, HTTP {(int)error.Status}): the role needs cloudtrail:ListPublicKeys, or turn Integrity:ListPublicKeys off and list the keys in Integrity:PublicKeyFiles"
            : error.IsThrottled ? $"was throttled ({error.Code}, HTTP {(int)error.Status})"
            : error.IsServerSide ? $"failed on CloudTrail's side ({error.Code}, HTTP {(int)error.Status})"
            : $"was refused ({error.Code}, HTTP {(int)error.Status})";
        return Failed(call, error.Code, what);
    }

    /// <summary>
    /// Counts, logs and makes the exception; <paramref name="what"/> is the rest of a sentence about the call
    /// ("was denied (…)", "failed: …"), <paramref name="code"/> AWS's error code or the exception's type.
    /// </summary>
    private DigestKeySourceException Failed(Call call, string code, string what, Exception? inner = null)
    {
        _metrics.RequestFailure(AwsRequestKinds.ListPublicKeys, code);
        var message = $"ListPublicKeys in {call.Region} with {call.Role} {what}; the digest's key is looked up again later.";
        LogFailed(_logger, call.Region, code, message);
        return inner is null ? new DigestKeySourceException(message) : new DigestKeySourceException(message, inner);
    }

    /// <summary>
    /// The connection failed, timed out or was cut: nothing says the listing is bad. <see cref="InvalidDataException"/>
    /// is an answer larger than allowed.
    /// </summary>
    private static bool IsNetwork(Exception e) =>
        e is HttpRequestException or IOException or TaskCanceledException or TimeoutException || e.InnerException is HttpRequestException or IOException or TimeoutException;

    [LoggerMessage(310, LogLevel.Warning, "CloudTrail listed a public key in {Region} that is not trusted (stated fingerprint {Fingerprint}): {Reason}")]
    private static partial void LogKeyRefused(ILogger logger, string region, string fingerprint, string reason);

    [LoggerMessage(311, LogLevel.Warning, "ListPublicKeys in {Region} failed with {Code}: {Message}")]
    private static partial void LogFailed(ILogger logger, string region, string code, string message);

    /// <summary>One listing: whose credentials, which region, the role as reports name it, where to send.</summary>
    private sealed record Call(string? Account, string Region, string Role, Uri Endpoint);

    /// <summary>The SDK's request type the signer's request wraps; it carries nothing.</summary>
    private sealed class ListPublicKeysRequest : AmazonWebServiceRequest;
}
