using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Accounts;

/// <summary>
/// One feature's share of what is held about a person: everything it exports when the person asks
/// for their data (Min side, "Last ned mine data"), and what it erases or anonymises when they delete
/// their account. Register with the feature's module (<see cref="PersonalDataExtensions.AddPersonalDataSource{T}"/>);
/// the account itself is deleted after every source has erased its part, in one transaction.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The section's name in the export (a JSON property).</summary>
    string Name { get; }

    /// <summary>Everything held about the person, as plain values for JSON.</summary>
    Task<object?> ExportAsync(AppUser user, CancellationToken cancellationToken);

    /// <summary>Deletes what is personal; what must stay (hours, counts) stays without the person.</summary>
    Task EraseAsync(AppUser user, CancellationToken cancellationToken);
}

public static class PersonalDataExtensions
{
    public static IServiceCollection AddPersonalDataSource<T>(this IServiceCollection services)
        where T : class, IPersonalDataSource => services.AddScoped<IPersonalDataSource, T>();
}

/// <summary>The account itself: name, address, when it was made, organisations and municipal roles.</summary>
internal sealed class AccountPersonalData(FrivilligDbContext db) : IPersonalDataSource
{
    public string Name => "konto";

    public async Task<object?> ExportAsync(AppUser user, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == user.Id)
            .Select(m => new { Organisasjon = m.Organisation!.Name, Rolle = m.Role.ToString(), Fra = m.JoinedAt }).ToListAsync(cancellationToken);
        var roles = await db.MunicipalityRoles.IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == user.Id)
            .Join(db.Municipalities, r => r.MunicipalityId, m => m.Id, (r, m) => new { Kommune = m.Name, Rolle = r.Role.ToString() }).ToListAsync(cancellationToken);
        return new
        {
            Navn = user.DisplayName, Epost = user.Email, EpostBekreftet = user.EmailConfirmed, Opprettet = user.CreatedAt,
            HarKalenderadresse = user.CalendarTokenHash is not null, Medlemskap = memberships, KommuneRoller = roles,
        };
    }

    /// <summary>Memberships and roles go with the account (cascade); nothing else to do here.</summary>
    public Task EraseAsync(AppUser user, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Sign-ups for activities made with the person's confirmed address: exported, and on deletion
/// anonymised (name and contact gone), so the organiser's counts stay right.
/// </summary>
internal sealed class SignUpsPersonalData(FrivilligDbContext db) : IPersonalDataSource
{
    public string Name => "pameldinger";

    public async Task<object?> ExportAsync(AppUser user, CancellationToken cancellationToken)
    {
        if (user is not { EmailConfirmed: true, Email: { } email })
        {
            return Array.Empty<object>();
        }

        return await db.SignUps.IgnoreQueryFilters().AsNoTracking().Where(s => s.Email == email)
            .Select(s => new { Aktivitet = s.Activity!.Title, Dato = s.OccurrenceStart, s.Name, s.Email, s.Phone, Status = s.Status.ToString(), Meldt = s.CreatedAt })
            .ToListAsync(cancellationToken);
    }

    public async Task EraseAsync(AppUser user, CancellationToken cancellationToken)
    {
        if (user is not { EmailConfirmed: true, Email: { } email })
        {
            return;
        }

        await db.SignUps.IgnoreQueryFilters().Where(s => s.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, "Slettet").SetProperty(s => s.Email, (string?)null).SetProperty(s => s.Phone, (string?)null), cancellationToken);
    }
}
