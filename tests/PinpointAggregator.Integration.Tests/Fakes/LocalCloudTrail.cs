using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinpointAggregator.Integration.Tests.Fakes;

/// <summary>
/// A small CloudTrail endpoint on loopback that speaks <c>ListPublicKeys</c> in CloudTrail's JSON 1.1 protocol to the
/// service's client, because no CloudTrail emulator exists. It checks each request's SigV4 signature itself (with the
/// secret of the access key it names), records every request, pages its keys with <c>NextToken</c>, and can throttle,
/// deny, answer garbage, hold answers back, or stop listening.
/// </summary>
internal sealed class LocalCloudTrail : IDisposable
{
    public const string Target = "CloudTrail_20131101.ListPublicKeys";

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly Func<string, string?> _secretOf;
    private readonly ConcurrentQueue<ListedKey> _keys = new();
    private int _throttleNext;
    private volatile string? _denyCode;
    private volatile string? _rawAnswer;
    private volatile bool _rejectSignatures;
    private volatile TaskCompletionSource _held = Released();

    /// <param name="secretOf">The secret key of an access key, to check signatures; null for one it does not know.</param>
    public LocalCloudTrail(Func<string, string?> secretOf)
    {
        _secretOf = secretOf;
        Url = $"http://127.0.0.1:{PinpointAggregator.Testing.TestPorts.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<ListPublicKeysCall> Calls { get; } = new();

    /// <summary>Keys per answer; more keys than this are paged with <c>NextToken</c>.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Lists a key; <paramref name="statedFingerprint"/> null states the right one (the MD5 of the bytes).</summary>
    public void Add(byte[] der, DateTimeOffset validFrom, DateTimeOffset validTo, string? statedFingerprint = null) =>
        _keys.Enqueue(new ListedKey(Convert.ToBase64String(der), validFrom.ToUnixTimeSeconds(), validTo.ToUnixTimeSeconds(), statedFingerprint ?? Md5Hex(der)));

    /// <summary>The next <paramref name="count"/> requests get <c>ThrottlingException</c> (HTTP 400, as CloudTrail sends it).</summary>
    public void Throttle(int count) => Interlocked.Exchange(ref _throttleNext, count);

    /// <summary>Every request from now on gets this error code with HTTP 400 (for example <c>AccessDeniedException</c>); null answers again.</summary>
    public void Deny(string? code) => _denyCode = code;

    /// <summary>Every request from now on gets this body with HTTP 200; null answers properly again.</summary>
    public void AnswerRaw(string? body) => _rawAnswer = body;

    /// <summary>Every signature is found wrong from now on (as with a wrong secret): InvalidSignatureException, whose message quotes the token.</summary>
    public void RejectSignatures() => _rejectSignatures = true;

    public void HoldAnswers() => _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseAnswers() => _held.TrySetResult();

    /// <summary>Stops listening: connections are refused, as when CloudTrail is unreachable.</summary>
    public void Stop() => _listener.Stop();

    public void Dispose()
    {
        ReleaseAnswers();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync; that is how it stops.
        }
    }

    public static string Md5Hex(byte[] der) =>
#pragma warning disable CA5351 // CloudTrail's fingerprint is an MD5.
        Convert.ToHexStringLower(MD5.HashData(der));
#pragma warning restore CA5351

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var call = Record(context.Request, body);
            Calls.Enqueue(call);
            var (status, error, answer) = Answer(call);
            await _held.Task;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            if (error is not null)
            {
                context.Response.Headers["x-amzn-ErrorType"] = $"{error}:http://internal.amazon.com/coral/com.amazonaws.cloudtrail.v20131101/";
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener stopped while this request was being answered.
        }
    }

    private (int Status, string? Error, string Body) Answer(ListPublicKeysCall call)
    {
        if (call.Target != Target)
        {
            return (400, "UnknownOperationException", """{"__type":"UnknownOperationException"}""");
        }

        if (!call.SignatureValid || _rejectSignatures)
        {
            // As CloudTrail does, the message quotes what was signed; the client must never pass it on.
            return (403, "InvalidSignatureException", $$"""{"__type":"InvalidSignatureException","message":"The request signature we calculated does not match. x-amz-security-token:{{call.SecurityToken}}"}""");
        }

        if (_denyCode is { } code)
        {
            return (400, code, $$"""{"__type":"com.amazonaws.cloudtrail.v20131101#{{code}}","message":"User: arn:aws:sts::111122223333:assumed-role/Reader/s is not authorized to perform: cloudtrail:ListPublicKeys (token {{call.SecurityToken}})"}""");
        }

        if (Interlocked.Decrement(ref _throttleNext) >= 0)
        {
            return (400, "ThrottlingException", """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
        }

        if (_rawAnswer is { } raw)
        {
            return (200, null, raw);
        }

        var keys = _keys.ToArray();
        var page = call.NextToken is { } token ? int.Parse(token["page-".Length..], CultureInfo.InvariantCulture) : 0;
        var list = new JsonArray();
        foreach (var key in keys.Skip(page * PageSize).Take(PageSize))
        {
            list.Add(new JsonObject
            {
                ["Value"] = key.Value,
                ["ValidityStartTime"] = key.ValidFrom,
                ["ValidityEndTime"] = key.ValidTo,
                ["Fingerprint"] = key.Fingerprint,
            });
        }

        var answer = new JsonObject { ["PublicKeyList"] = list };
        if ((page + 1) * PageSize < keys.Length)
        {
            answer["NextToken"] = $"page-{page + 1}";
        }

        return (200, null, answer.ToJsonString());
    }

    private ListPublicKeysCall Record(HttpListenerRequest request, byte[] body)
    {
        var authorization = request.Headers["Authorization"];
        var (accessKey, scope, signedHeaders, signature) = ParseAuthorization(authorization);
        long? start = null, end = null;
        string? nextToken = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            start = json.RootElement.TryGetProperty("StartTime", out var s) ? s.GetInt64() : null;
            end = json.RootElement.TryGetProperty("EndTime", out var e) ? e.GetInt64() : null;
            nextToken = json.RootElement.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            // Recorded as it came: the test sees the missing times.
        }

        var valid = accessKey is not null && scope is not null && signedHeaders is not null && signature is not null
            && _secretOf(accessKey) is { } secret
            && string.Equals(Sign(request, body, secret, scope, signedHeaders), signature, StringComparison.Ordinal);
        return new ListPublicKeysCall(
            request.Headers["X-Amz-Target"],
            request.ContentType,
            accessKey,
            scope,
            signedHeaders,
            valid,
            request.Headers["X-Amz-Security-Token"],
            start,
            end,
            nextToken);
    }

    /// <summary><c>AWS4-HMAC-SHA256 Credential=KEY/SCOPE, SignedHeaders=a;b, Signature=hex</c>, taken apart.</summary>
    private static (string? AccessKey, string? Scope, string? SignedHeaders, string? Signature) ParseAuthorization(string? authorization)
    {
        const string scheme = "AWS4-HMAC-SHA256 ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.Ordinal))
        {
            return (null, null, null, null);
        }

        var parts = authorization[scheme.Length..].Split(", ").Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var credential = parts.GetValueOrDefault("Credential")?.Split('/', 2);
        return (credential?[0], credential?.Length == 2 ? credential[1] : null, parts.GetValueOrDefault("SignedHeaders"), parts.GetValueOrDefault("Signature"));
    }

    /// <summary>The SigV4 signature of the request as received, written here independently of the SDK's signer.</summary>
    private static string Sign(HttpListenerRequest request, byte[] body, string secret, string scope, string signedHeaders)
    {
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(name => $"{name}:{string.Join(',', request.Headers.GetValues(name) ?? []).Trim()}\n"));
        var canonicalRequest = string.Join('\n', request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query.TrimStart('?'), canonicalHeaders, signedHeaders, Convert.ToHexStringLower(SHA256.HashData(body)));
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", request.Headers["X-Amz-Date"], scope, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in scope.Split('/'))
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private sealed record ListedKey(string Value, long ValidFrom, long ValidTo, string Fingerprint);
}
