using System.ComponentModel.DataAnnotations;

namespace Frivillig.Web.Realtime;

public sealed class RealtimeOptions
{
    public const string Section = "Frivillig:Realtime";

    /// <summary>
    /// The most live pages held at once. Past it, a page is told 503 with Retry-After and stays as it
    /// was loaded; it tries again later. Measured: 10,000 take about 0.6 GB on the 2-core test machine.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 12_000;
}

/// <summary>
/// Admission to the live hub. Every request to the hub (negotiate and the long-lived transport
/// request itself) passes here; the transport requests are counted while they last, and past
/// <see cref="RealtimeOptions.MaxConnections"/> new ones are refused with 503 before they are upgraded,
/// so a crowd of pages can never take the memory or file handles the rest of the app needs.
/// </summary>
public sealed class HubAdmission(Microsoft.Extensions.Options.IOptions<RealtimeOptions> options, ILogger<HubAdmission> logger)
{
    private int _open;
    private long _refused;

    public int Open => Volatile.Read(ref _open);

    public long Refused => Interlocked.Read(ref _refused);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var negotiate = context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true;
        if (Open >= options.Value.MaxConnections)
        {
            await RefuseAsync(context);
            return;
        }

        if (negotiate)
        {
            await next(context);
            return;
        }

        // A transport request (WebSocket, server-sent events, a long poll) holds its place until it ends.
        if (Interlocked.Increment(ref _open) > options.Value.MaxConnections)
        {
            Interlocked.Decrement(ref _open);
            await RefuseAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private async Task RefuseAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _refused) % 1000 == 1)
        {
            logger.LogWarning("The live hub is full ({Max} connections): new pages are refused with 503 and stay as loaded", options.Value.MaxConnections);
        }

        context.Response.Headers.RetryAfter = "60";
        await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Direkteoppdateringene er fulle",
            detail: "For mange sider følger kalenderen akkurat nå. Siden virker som før; prøv igjen om litt for å få endringer direkte.").ExecuteAsync(context);
    }
}
