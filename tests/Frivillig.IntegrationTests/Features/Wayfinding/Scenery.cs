using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>Activities with the words, places and times the wayfinding tests look for, made through the model's own methods.</summary>
internal static class Scenery
{
    public static Task<int> ActivityAsync(FrivilligApp app, string title, DateOnly date, int hour, string? description = null, string district = "kroken",
        string category = "laering", string[]? targets = null, RecurrenceFrequency frequency = RecurrenceFrequency.None, int? count = null,
        PostalAddress? address = null, string organisation = Demo.RodeKors, int? capacity = null, string[]? accessibility = null, decimal? price = null,
        int hours = 2, string? contact = null) =>
        app.DbAsync(async db =>
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Tromso);
            var clock = MunicipalClock.For(municipality, app.Clock);
            var start = clock.ToUtc(date, new TimeOnly(hour, 0));
            var organisationId = await db.Organisations.Where(o => o.MunicipalityId == municipality.Id && o.Slug == organisation).Select(o => o.Id).SingleAsync();
            var districtId = await db.Districts.Where(d => d.MunicipalityId == municipality.Id && d.Slug == district).Select(d => d.Id).SingleAsync();
            var details = new ActivityDetails(title, null, description, category, targets ?? ["alle"], accessibility ?? [], null, "Biblioteket", contact,
                IsDropIn: capacity is null, capacity, price, Rusfri: true, address);
            var activity = Activity.Draft(organisationId, districtId, details, new Series(start, start.AddHours(hours), new RecurrenceRule(frequency, Count: count)),
                clock.Zone, clock.Now);
            activity.MunicipalityId = municipality.Id;
            activity.Publish(clock.Now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
}
