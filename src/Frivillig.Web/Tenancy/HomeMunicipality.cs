using Microsoft.EntityFrameworkCore;
using Frivillig.Web.Auth;

namespace Frivillig.Web.Tenancy;

/// <summary>
/// The municipality the header shows. On a municipality's pages it is that one. On pages outside any
/// (Min side, sign-in), a signed-in person keeps the one they last used (a cookie set when they were
/// there, or when they signed in from there), else the first where they hold a role or membership,
/// so the header does not lose its menu the moment they sign in.
/// </summary>
public sealed class HomeMunicipality(TenantContext tenant, CurrentUser me, MunicipalityDirectory directory, FrivilligDbContext db, IHttpContextAccessor accessor)
{
    public const string CookieName = "frivillig-kommune";

    private Municipality? _found;
    private bool _looked;

    public async Task<Municipality?> FindAsync(CancellationToken cancellationToken = default)
    {
        if (tenant.Municipality is { } current)
        {
            return current;
        }

        if (_looked)
        {
            return _found;
        }

        _looked = true;
        if (!me.IsAuthenticated || me.Id is not { } id)
        {
            return null;
        }

        if (accessor.HttpContext?.Request.Cookies[CookieName] is { Length: > 0 and <= 60 } slug && await directory.FindAsync(slug, cancellationToken) is { } remembered)
        {
            _found = remembered;
        }
        else
        {
            // Filters lifted only with the person's own id in the query: their rows, across municipalities.
            var municipalityId = await db.MunicipalityRoles.IgnoreQueryFilters().Where(r => r.UserId == id).Select(r => (int?)r.MunicipalityId).FirstOrDefaultAsync(cancellationToken)
                ?? await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == id).Select(m => (int?)m.MunicipalityId).FirstOrDefaultAsync(cancellationToken);
            _found = municipalityId is { } mid ? await directory.FindByIdAsync(mid, cancellationToken) : null;
        }

        if (_found is not null)
        {
            me.LookIn(_found);
        }

        return _found;
    }

    /// <summary>Remembers the municipality a signed-in person is using, once, when it changes.</summary>
    public static void Remember(HttpContext http, string slug)
    {
        if (http.Request.Cookies[CookieName] != slug)
        {
            http.Response.Cookies.Append(CookieName, slug, new CookieOptions
            {
                HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = false,
            });
        }
    }
}
