using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>A published activity with sign-up straight into the database, for tests about sign-ups and mail.</summary>
public sealed record ActivityBuilder(string Title = "Kurs", int Capacity = 5, int DaysAhead = 7, int Hour = 18,
    RecurrenceFrequency Frequency = RecurrenceFrequency.None, int? Count = null, string Municipality = "tromso",
    string Organisation = "rode-kors-tromso", string District = "kroken")
{
    /// <returns>The activity's id and its first start as UTC ticks (the value the sign-up form posts).</returns>
    public Task<(int Id, long Date)> SaveAsync(FrivilligApp app) => app.DbAsync(async db =>
    {
        var municipality = await db.Municipalities.SingleAsync(m => m.Slug == Municipality);
        var zone = ActivityCalendar.Zone(municipality);
        var start = Recurrence.ToUtc(app.Today.AddDays(DaysAhead).ToDateTime(new TimeOnly(Hour, 0)), zone);
        var activity = new Activity
        {
            MunicipalityId = municipality.Id,
            OrganisationId = await db.Organisations.Where(o => o.MunicipalityId == municipality.Id && o.Slug == Organisation).Select(o => o.Id).SingleAsync(),
            DistrictId = await db.Districts.Where(d => d.MunicipalityId == municipality.Id && d.Slug == District).Select(d => d.Id).SingleAsync(),
            Title = Title,
            CategorySlug = "laering",
            Place = "Biblioteket",
            StartsAt = start,
            EndsAt = start.AddHours(2),
            Frequency = Frequency,
            Count = Count,
            IsDropIn = false,
            Capacity = Capacity,
            RusfriDeclared = true,
            Status = ActivityStatus.Published,
            Sequence = 1,
            CreatedAt = app.Clock.GetUtcNow(),
            UpdatedAt = app.Clock.GetUtcNow(),
        };
        activity.SeriesEndsAt = Recurrence.SeriesEnd(activity, zone);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return (activity.Id, start.UtcTicks);
    });
}
