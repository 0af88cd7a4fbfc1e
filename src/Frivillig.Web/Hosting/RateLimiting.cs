using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Frivillig.Web.Hosting;

/// <summary>
/// Anonymous POSTs (sign-up, registration, sign-in, password reset, the token endpoint) are limited
/// per client address, so a script cannot fill an activity, guess passwords or mail a thousand
/// strangers. Signed-in people and GETs are not limited here. A refused request gets 429 with a
/// Norwegian explanation (problem+json from APIs and the token endpoint, a page otherwise).
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddFrivilligRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration($"{FrivilligOptions.Section}:RateLimit").ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            var limits = configuration.GetSection($"{FrivilligOptions.Section}:RateLimit").Get<RateLimitOptions>() ?? new();
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                // The live hub's negotiate is a POST too, but no form: the hub's own admission limits it.
                HttpMethods.IsPost(http.Request.Method) && http.User.Identity?.IsAuthenticated != true && !http.Request.Path.StartsWithSegments(Realtime.CalendarHub.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "ukjent", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.AnonymousPostsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("fri"));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var t = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                http.Response.Headers.RetryAfter = "60";
                string title = t["For mange forsøk"], message = t["Du har sendt mange skjemaer på kort tid. Vent et minutt og prøv igjen."];
                if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/connect"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: message).ExecuteAsync(http);
                }
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(Page(title, message, t["Til forsiden"]), ct);
                }
            };
        });
        return services;
    }

    // A page of its own: the layout needs the whole pipeline, which a refused request does not get.
    private static string Page(string title, string message, string home) =>
        "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{title} – Frivillig</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"hovedinnhold\" class=\"wrap\">"
        + $"<h1>{title}</h1><p>{System.Net.WebUtility.HtmlEncode(message)}</p><p><a href=\"/\">{home}</a></p></main></body></html>";
}

public sealed class RateLimitOptions
{
    /// <summary>Anonymous form posts per client address per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int AnonymousPostsPerMinute { get; set; } = 30;
}
