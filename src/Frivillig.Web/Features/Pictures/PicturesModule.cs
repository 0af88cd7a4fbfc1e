using System.Globalization;
using Frivillig.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Pictures;

/// <summary>
/// Pictures of activities and organisations, uploaded through their forms and served here in fixed
/// sizes. A picture's copies never change (a new upload is a new picture), so they are cached for a year.
/// </summary>
public sealed class PicturesModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapGet("/{m}/bilder/{id:int}/{size}.jpg", async (int id, string size, FrivilligDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (!Enum.TryParse<PictureSize>(size, ignoreCase: true, out var which) || int.TryParse(size, out _) || !Enum.IsDefined(which))
            {
                return Results.NotFound();
            }

            var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"p{id}-{which.ToString().ToLowerInvariant()}\"");
            if (http.Request.Headers.IfNoneMatch.ToString() == etag.ToString() && await db.Pictures.AnyAsync(p => p.Id == id, ct))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var bytes = which switch
            {
                PictureSize.Small => await db.Pictures.Where(p => p.Id == id).Select(p => p.Small).SingleOrDefaultAsync(ct),
                PictureSize.Medium => await db.Pictures.Where(p => p.Id == id).Select(p => p.Medium).SingleOrDefaultAsync(ct),
                _ => await db.Pictures.Where(p => p.Id == id).Select(p => p.Large).SingleOrDefaultAsync(ct),
            };
            if (bytes is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(bytes, Picture.ContentType, entityTag: etag);
        }).ExcludeFromDescription();

    /// <summary>The address of one copy of a picture.</summary>
    public static string Url(string municipalitySlug, int pictureId, PictureSize size) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipalitySlug}/bilder/{pictureId}/{size.ToString().ToLowerInvariant()}.jpg");
}
