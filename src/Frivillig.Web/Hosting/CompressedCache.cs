using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Frivillig.Web.Hosting;

/// <summary>Marks a GET endpoint whose answer is the same for everyone and is kept, compressed, until its municipality changes.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CompressedCacheAttribute : Attribute
{
    /// <summary>
    /// A page: kept and served only for requests without a sign-in (a signed-in person's page is their
    /// own), told to browsers as private, and never kept when it carries an anti-forgery token.
    /// </summary>
    public bool AnonymousOnly { get; init; }
}

public static class CompressedCacheExtensions
{
    /// <summary>
    /// The endpoint's answer is kept per address (path and query) and served as gzip or Brotli when
    /// asked, each compressed once per change of the content, with an ETag per encoding and 304s. It
    /// is dropped when its municipality's calendar tag is evicted, as the output cache is.
    /// </summary>
    public static TBuilder CacheCompressed<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new CompressedCacheAttribute());

    public static IServiceCollection AddCompressedCache(this IServiceCollection services)
    {
        services.AddSingleton<CompressedCache>();
        // Whoever evicts a tag from the output cache (a feature's after-commit handler) evicts it here too.
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp => new EvictingStore(
            store.ImplementationInstance as IOutputCacheStore
                ?? (IOutputCacheStore?)store.ImplementationFactory?.Invoke(sp)
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!),
            sp.GetRequiredService<CompressedCache>()));
        return services;
    }

    public static IApplicationBuilder UseCompressedCache(this IApplicationBuilder app) => app.UseMiddleware<CompressedCacheMiddleware>();

    /// <summary>
    /// Answers a request whose answer is already kept before the rest of the pipeline runs (localization,
    /// static files, routing, tenancy, authentication, the error pages). A kept answer is the same for
    /// everyone it may be served to, so nothing those steps decide can change it; what they would cost is
    /// most of a cached request's time. It sets the headers every answer carries itself.
    /// </summary>
    public static IApplicationBuilder UseCompressedCacheEarly(this IApplicationBuilder app) => app.UseMiddleware<CompressedCacheEarlyMiddleware>();

    private sealed class EvictingStore(IOutputCacheStore inner, CompressedCache cache) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            cache.Evict(tag);
            return inner.EvictByTagAsync(tag, cancellationToken);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}

/// <summary>
/// One answer as it is kept: its bytes, and its gzip and Brotli forms, each made the first time a client
/// asks for it and kept until the content changes. Calendar programs poll feeds all day and ask for
/// compression; compressing once per change instead of once per request is what lets one small server
/// carry a city.
/// </summary>
/// <param name="maxAge">How long the server keeps it at most (the content may also depend on today's date).</param>
/// <param name="clientMaxAge">What clients are told; null: "no-cache", they ask again and get a 304 while it is the same.</param>
/// <param name="anonymousOnly">A page, served only to requests without a sign-in (<see cref="CompressedCacheAttribute.AnonymousOnly"/>).</param>
public sealed class CachedAnswer(byte[] identity, string contentType, string? contentDisposition, DateTimeOffset? lastModified, TimeSpan maxAge, TimeSpan? clientMaxAge, bool anonymousOnly = false)
{
    private byte[]? _gzip;
    private byte[]? _brotli;

    public byte[] Identity { get; } = identity;
    public string ContentType { get; } = contentType;
    public string? ContentDisposition { get; } = contentDisposition;
    public DateTimeOffset? LastModified { get; } = lastModified;
    public TimeSpan MaxAge { get; } = maxAge;
    public TimeSpan? ClientMaxAge { get; } = clientMaxAge;
    public bool AnonymousOnly { get; } = anonymousOnly;

    /// <summary>When it was made, for the Age header of a kept answer (RFC 9111).</summary>
    public long MadeAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The content's hash; each encoding's ETag adds its name, as RFC 9110 asks of different representations.</summary>
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(identity))[..32];

    public long Size => Identity.Length + (_gzip?.Length ?? 0) + (_brotli?.Length ?? 0);

    /// <summary>How many times this answer was compressed: once per encoding asked for, however many requests.</summary>
    public int Compressions => _compressions;

    private int _compressions;

    public byte[] Body(string? encoding) => encoding switch
    {
        "br" => _brotli ?? Once(ref _brotli, () => Compress(Identity, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true))),
        "gzip" => _gzip ?? Once(ref _gzip, () => Compress(Identity, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true))),
        _ => Identity,
    };

    private readonly Lock _lock = new();

    /// <summary>Compresses under a lock, so a burst of requests for a fresh answer compresses it once, not once each.</summary>
    private byte[] Once(ref byte[]? slot, Func<byte[]> make)
    {
        lock (_lock)
        {
            if (slot is null)
            {
                slot = make();
                _compressions++;
            }

            return slot;
        }
    }

    public string ETag(string? encoding) => encoding is null ? $"\"{Hash}\"" : $"\"{Hash}-{encoding}\"";

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream(bytes.Length / 4 + 64);
        using (var z = open(output))
        {
            z.Write(bytes);
        }

        return output.ToArray();
    }
}

/// <summary>Answers kept by address, each tagged with its municipality's calendar tag; bounded in bytes.</summary>
public sealed class CompressedCache : IDisposable
{
    public const long MaxBytes = 256L * 1024 * 1024;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxBytes });
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _keysByTag = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedAnswer?>>> _building = new(StringComparer.Ordinal);

    public bool TryGet(string key, out CachedAnswer? answer) => _entries.TryGetValue(key, out answer);

    public long Generation(string tag) => _generations.GetValueOrDefault(tag);

    /// <summary>One build per key at a time: the others wait for it rather than each rendering the same feed.</summary>
    public Task<CachedAnswer?> GetOrBuildAsync(string key, Func<Task<CachedAnswer?>> build) =>
        // Lazy: GetOrAdd may call its factory twice in a race, but only the Lazy it keeps is run.
        _building.GetOrAdd(key, _ => new Lazy<Task<CachedAnswer?>>(() => RunAsync(key, build))).Value;

    private async Task<CachedAnswer?> RunAsync(string key, Func<Task<CachedAnswer?>> build)
    {
        try
        {
            return await build();
        }
        finally
        {
            _building.TryRemove(key, out _);
        }
    }

    /// <summary>Keeps an answer, unless one of its tags was evicted while it was being made (it may be stale).</summary>
    public void Store(string key, CachedAnswer answer, IReadOnlyList<string> tags, IReadOnlyList<long> generations)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (Generation(tags[i]) != generations[i])
            {
                return;
            }
        }

        foreach (var tag in tags)
        {
            _keysByTag.GetOrAdd(tag, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[key] = 0;
        }

        // Room for the identity and its two compressed forms, which come later.
        _entries.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Identity.Length * 2L + 1024, AbsoluteExpirationRelativeToNow = answer.MaxAge });
    }

    public void Evict(string tag)
    {
        _generations.AddOrUpdate(tag, 1, (_, g) => g + 1);
        if (_keysByTag.TryRemove(tag, out var keys))
        {
            foreach (var key in keys.Keys)
            {
                _entries.Remove(key);
            }
        }
    }

    public void Dispose() => _entries.Dispose();
}

/// <summary>
/// Serves endpoints marked <see cref="CompressedCacheAttribute"/> from <see cref="CompressedCache"/>:
/// the encoding the client prefers (Brotli, gzip, or none), Vary: Accept-Encoding, an ETag per
/// encoding, 304 when the client has it, HEAD as GET without the body. A miss runs the endpoint once
/// and keeps a 200 answer; anything else passes through untouched.
/// </summary>
public sealed class CompressedCacheMiddleware(RequestDelegate next, CompressedCache cache)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var marker = http.GetEndpoint()?.Metadata.GetMetadata<CompressedCacheAttribute>();
        if (marker is null || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || (marker.AnonymousOnly && http.User.Identity?.IsAuthenticated == true))
        {
            await next(http);
            return;
        }

        var key = http.Request.Path.Value + http.Request.QueryString.Value;
        var slug = http.GetRouteValue(Tenancy.TenantResolutionMiddleware.RouteKey) as string;
        string[] tags = slug is null ? ["calendar"] : ["calendar", Features.Calendar.CalendarCache.Tag(slug.ToLowerInvariant())];
        if (cache.TryGet(key, out var answer))
        {
            SetAge(http, answer!);
        }
        else
        {
            var generations = tags.Select(cache.Generation).ToArray();
            var built = false;
            answer = await cache.GetOrBuildAsync(key, async () =>
            {
                built = true;
                var made = await RenderAsync(http, marker.AnonymousOnly);
                if (made is not null)
                {
                    cache.Store(key, made, tags, generations);
                }

                return made;
            });

            if (answer is null)
            {
                if (!built)
                {
                    // Another request's build was not kept (an error, a 404): this one runs the endpoint itself.
                    await next(http);
                }

                return;
            }
        }

        await ServeAsync(http, answer!);
    }

    /// <summary>Runs the endpoint into memory; a 200 becomes an answer to keep, anything else is sent as it is.</summary>
    private async Task<CachedAnswer?> RenderAsync(HttpContext http, bool anonymousOnly)
    {
        var original = http.Response.Body;
        var method = http.Request.Method;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        // The endpoint renders the full answer; conditions and HEAD are this middleware's business.
        http.Request.Method = HttpMethods.Get;
        http.Request.Headers.Remove(HeaderNames.IfNoneMatch);
        http.Request.Headers.Remove(HeaderNames.IfModifiedSince);
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
            http.Request.Method = method;
        }

        if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.ContainsKey(HeaderNames.SetCookie)
            || (anonymousOnly && CarriesAntiforgeryToken(buffer)))
        {
            buffer.Position = 0;
            if (!HttpMethods.IsHead(method))
            {
                await buffer.CopyToAsync(original, http.RequestAborted);
            }

            return null;
        }

        var typed = http.Response.GetTypedHeaders();
        var clientMaxAge = typed.CacheControl?.MaxAge is { } age && age > TimeSpan.Zero ? age : (TimeSpan?)null;
        var answer = new CachedAnswer(buffer.ToArray(), http.Response.ContentType ?? "application/octet-stream",
            http.Response.Headers.ContentDisposition.ToString() is { Length: > 0 } d ? d : null, typed.LastModified, TimeSpan.FromMinutes(10), clientMaxAge, anonymousOnly);
        // What the endpoint set is replaced by the representation's own headers.
        http.Response.Headers.Remove(HeaderNames.ETag);
        http.Response.Headers.Remove(HeaderNames.ContentLength);
        return answer;
    }

    /// <summary>
    /// A form's token is a secret tied to the visitor's cookie: a page with one is never shared, and a
    /// shared page holds no secret, which is also why compressing it cannot leak one (BREACH).
    /// </summary>
    private static bool CarriesAntiforgeryToken(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("__RequestVerificationToken"u8) >= 0;

    internal static void SetAge(HttpContext http, CachedAnswer answer) =>
        http.Response.Headers.Age = ((long)System.Diagnostics.Stopwatch.GetElapsedTime(answer.MadeAt).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static Task ServeAsync(HttpContext http, CachedAnswer answer)
    {
        var encoding = Negotiate(http.Request.Headers.AcceptEncoding);
        var etag = answer.ETag(encoding);
        var headers = http.Response.Headers;
        // A page differs for a signed-in person, so caches on the way key it by cookie and keep it to one browser.
        headers.Vary = answer.AnonymousOnly ? "Accept-Encoding, Cookie" : HeaderNames.AcceptEncoding;
        headers.ETag = etag;
        headers.CacheControl = answer.AnonymousOnly ? "private, no-cache"
            : answer.ClientMaxAge is { } clientMaxAge ? $"public, max-age={(int)clientMaxAge.TotalSeconds}" : "public, no-cache";
        if (answer.LastModified is { } modified)
        {
            http.Response.GetTypedHeaders().LastModified = modified;
        }

        if (IfNoneMatch(http, etag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = answer.Body(encoding);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = answer.ContentType;
        if (answer.ContentDisposition is not null)
        {
            headers.ContentDisposition = answer.ContentDisposition;
        }

        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        http.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : WriteBodyAsync(http.Response, body, http.RequestAborted);
    }

    /// <summary>
    /// The pieces a kept body is handed to the server in: the week page (105 KB) and most answers in one, with
    /// one flush. Their buffers come from the shared array pool and are used again, so the large object heap they
    /// are on costs nothing after the first.
    /// </summary>
    internal const int WritePiece = 128 * 1024;

    /// <summary>
    /// Writes a kept body in pieces of up to 128 KB, each copied in one go. Written in one call, Kestrel copies a
    /// body into its send pipe in 4 KB blocks, taking a lock and a pooled block for each: 26 of them for the 105 KB
    /// week page. perf put that above the copy itself, and it grew most when the machine was busy with other work
    /// (load-scale.sh: Kestrel alone went from 9 to 24 µs of user time a request). Once the headers are written,
    /// asking the pipe for a piece's whole size makes its next buffer one from the shared array pool, and the
    /// write after it fills that buffer in one copy: the app's user time for the page fell from 10-12 to 7-8 µs.
    /// Each piece is still an ordinary write, not GetSpan/Advance: Kestrel counts a write's bytes to give a slow
    /// reader time at its minimum data rate (240 B/s), and counts none for Advance, so a large body written that
    /// way had 5 s to drain and slow readers were cut off. A flush per piece also keeps at most about two pieces
    /// in memory per slow reader, where one write kept the whole body.
    /// </summary>
    internal static async Task WriteBodyAsync(HttpResponse response, byte[] body, CancellationToken aborted)
    {
        if (body.Length <= 4096)
        {
            await response.Body.WriteAsync(body, aborted);
            return;
        }

        await response.StartAsync(aborted);
        for (var offset = 0; offset < body.Length; offset += WritePiece)
        {
            var piece = body.AsMemory(offset, Math.Min(WritePiece, body.Length - offset));
            // Reserved, not advanced: the write below copies into this buffer and counts its bytes.
            response.BodyWriter.GetMemory(piece.Length);
            await response.Body.WriteAsync(piece, aborted);
        }
    }

    private static bool IfNoneMatch(HttpContext http, string etag)
    {
        var values = http.Request.Headers.IfNoneMatch;
        if (values.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                var tag = part.Trim();
                if (tag == "*" || tag == etag || (tag.StartsWith("W/", StringComparison.Ordinal) && tag[2..] == etag))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Brotli, then gzip, by the client's own weights; none when it asks for neither (or refuses them with q=0).</summary>
    public static string? Negotiate(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        double br = -1, gzip = -1, any = -1;
        foreach (var value in acceptEncoding)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                var pieces = part.Split(';');
                var name = pieces[0].Trim().ToLowerInvariant();
                var q = 1.0;
                foreach (var p in pieces.Skip(1))
                {
                    var kv = p.Trim();
                    if (kv.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && !double.TryParse(kv[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out q))
                    {
                        q = 0;
                    }
                }

                switch (name)
                {
                    case "br": br = q; break;
                    case "gzip" or "x-gzip": gzip = q; break;
                    case "*": any = q; break;
                }
            }
        }

        br = br < 0 ? any : br;
        gzip = gzip < 0 ? any : gzip;
        if (br > 0 && br >= gzip)
        {
            return "br";
        }

        return gzip > 0 ? "gzip" : null;
    }
}

/// <summary>
/// The early half of <see cref="CompressedCacheMiddleware"/>: a GET or HEAD whose address is kept is
/// answered at once. A page kept for anonymous visitors is not served here to a request that may carry a
/// sign-in (the sign-in cookie or an Authorization header); that request goes the whole way, where
/// authentication decides.
/// </summary>
public sealed class CompressedCacheEarlyMiddleware(RequestDelegate next, CompressedCache cache)
{
    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && cache.TryGet(request.Path.Value + request.QueryString.Value, out var answer)
            && (!answer!.AnonymousOnly || !MayBeSignedIn(request)))
        {
            HostingExtensions.SetSecurityHeaders(http.Response);
            CompressedCacheMiddleware.SetAge(http, answer);
            return CompressedCacheMiddleware.ServeAsync(http, answer);
        }

        return next(http);
    }

    private static bool MayBeSignedIn(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0)
        {
            return true;
        }

        // Any cookie whose name starts with the sign-in cookie's (a large ticket is split into frivilligC1, C2…).
        foreach (var cookie in request.Headers.Cookie)
        {
            if (cookie is not null && cookie.Contains(HostingExtensions.SignInCookie, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
