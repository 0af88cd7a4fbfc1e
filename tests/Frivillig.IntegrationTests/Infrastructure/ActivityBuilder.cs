using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>A published activity with sign-up, straight into the database through the model's own methods, for tests about sign-ups, mail and live pages.</summary>
public sealed record ActivityBuilder(string Title = "Kurs", int Capacity = 5, int DaysAhead = 7, int Hour = 18,
    RecurrenceFrequency Frequency = RecurrenceFrequency.None, int? Count = null, string Municipality = Demo.Tromso,
    string Organisation = Demo.RodeKors, string District = "kroken")
{
    /// <returns>The activity's id and its first start as UTC ticks (the value the sign-up form posts).</returns>
    public Task<(int Id, long Date)> SaveAsync(FrivilligApp app) => app.DbAsync(async db =>
    {
        var municipality = await db.Municipalities.SingleAsync(m => m.Slug == Municipality);
        var clock = MunicipalClock.For(municipality, app.Clock);
        var start = clock.ToUtc(app.Today.AddDays(DaysAhead), new TimeOnly(Hour, 0));
        var organisationId = await db.Organisations.Where(o => o.MunicipalityId == municipality.Id && o.Slug == Organisation).Select(o => o.Id).SingleAsync();
        var districtId = await db.Districts.Where(d => d.MunicipalityId == municipality.Id && d.Slug == District).Select(d => d.Id).SingleAsync();
        var details = new ActivityDetails(Title, null, null, "laering", ["alle"], [], null, "Biblioteket", null, IsDropIn: false, Capacity, null, Rusfri: true);
        var activity = Activity.Draft(organisationId, districtId, details, new Series(start, start.AddHours(2), new RecurrenceRule(Frequency, Count: Count)), clock.Zone, clock.Now);
        activity.MunicipalityId = municipality.Id;
        activity.Publish(clock.Now);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return (activity.Id, start.UtcTicks);
    });

    /// <summary>Changes an activity as its organiser's form would, through <see cref="Activity.Edit"/>.</summary>
    public static Task<int> EditAsync(FrivilligApp app, int id, Func<ActivityDetails, ActivityDetails> change) => app.DbAsync(async db =>
    {
        var activity = await db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Id == id);
        var zone = MunicipalClock.ZoneOf(await db.Municipalities.SingleAsync(m => m.Id == activity.MunicipalityId));
        activity.Edit(activity.DistrictId, change(activity.Details), activity.Series, zone, app.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });

    /// <summary>Cancels an activity as its organiser would, through <see cref="Activity.Cancel"/>.</summary>
    public static Task<int> CancelAsync(FrivilligApp app, int id) => app.DbAsync(async db =>
    {
        var activity = await db.Activities.SingleAsync(a => a.Id == id);
        activity.Cancel(app.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });
}
