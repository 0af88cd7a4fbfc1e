using Frivillig.Model.Premises;
using Frivillig.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises;

/// <summary>
/// Premises' share of a person's data, in every municipality: the bookings they asked for or are the
/// contact of, and the buildings they are the contact for. On deletion the contact is blanked where it
/// is theirs; the bookings stay with the organisation, which still holds the time.
/// </summary>
internal sealed class PremisesPersonalData(FrivilligDbContext db) : IPersonalDataSource
{
    public string Name => "lokaler";

    public async Task<object?> ExportAsync(AppUser user, CancellationToken ct)
    {
        var id = user.Id;
        var email = user.Email;
        // The person's own rows across municipalities: the filter is lifted with their id or address in each query.
        return new
        {
            Bookinger = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
                .Where(b => b.RequestedByUserId == id || (email != null && b.ContactEmail == email))
                .OrderBy(b => b.Id)
                .Select(b => new
                {
                    b.Id, Rom = b.Room!.Name, Bygg = b.Room.Building!.Name, Organisasjon = b.Organisation!.Name, Formal = b.Purpose, Kontakt = b.ContactName,
                    Epost = b.ContactEmail, Status = b.Status.ToString(), Sendt = b.CreatedAt, ReglerGodtatt = b.RulesAcceptedAt, BestiltAvDeg = b.RequestedByUserId == id,
                    Datoer = b.Dates.OrderBy(d => d.StartsAt).Select(d => new { Start = d.StartsAt, Slutt = d.EndsAt, Avbestilt = d.Cancelled }).ToList(),
                })
                .ToListAsync(ct),
            KontaktForBygg = email is null
                ? []
                : await db.Buildings.IgnoreQueryFilters().AsNoTracking().Where(b => b.ContactEmail == email)
                    .Select(b => new { Bygg = b.Name, Navn = b.ContactName, Epost = b.ContactEmail, Telefon = b.ContactPhone }).ToListAsync(ct),
        };
    }

    public async Task EraseAsync(AppUser user, CancellationToken ct)
    {
        var id = user.Id;
        var email = user.Email;
        foreach (var booking in await db.Bookings.IgnoreQueryFilters()
            .Where(b => b.RequestedByUserId == id || b.CaseHandlerUserId == id || b.DecidedByUserId == id || (email != null && b.ContactEmail == email)).ToListAsync(ct))
        {
            booking.ForgetPerson(id, email);
        }

        if (email is not null)
        {
            await db.Buildings.IgnoreQueryFilters().Where(b => b.ContactEmail == email)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.ContactName, (string?)null).SetProperty(b => b.ContactEmail, (string?)null).SetProperty(b => b.ContactPhone, (string?)null), ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
