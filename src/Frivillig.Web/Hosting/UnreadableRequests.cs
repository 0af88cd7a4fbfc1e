using Microsoft.AspNetCore.Http;

namespace Frivillig.Web.Hosting;

/// <summary>
/// A body the server cannot read (a NUL byte in a field, too many fields, a value over the limit,
/// broken multipart) is the client's mistake: 400, not 500, wherever it is read. Pages and APIs read
/// forms through the framework, which already answers 400; this catches the readers that throw
/// instead, such as the OpenID Connect endpoints.
/// </summary>
internal sealed class UnreadableRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/connect"))
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig forespørsel", detail: "Innholdet i forespørselen kan ikke leses.")
                    .ExecuteAsync(context);
            }
        }
    }
}
