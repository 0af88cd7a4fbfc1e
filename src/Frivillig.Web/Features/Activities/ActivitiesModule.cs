using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Hosting;
using Frivillig.Web.Realtime;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>
/// Activities: the public activity page and sign-up, an organisation's own list and the pages that
/// manage one activity, the mail to those signed up, and the live messages when any of it changes.
/// </summary>
public sealed class ActivitiesModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Catalog>();
        builder.Services.AddScoped<SignUpMail>();
        builder.Services.AddScoped<Venues>();
        // The organiser's own address for the activity: Venues asks it last, after the sources that know better (a booked room).
        builder.Services.AddScoped<ActivityAddressVenues>();
        builder.Services.AddRetentionRule<SignUpRetention>();
        builder.Services.AddMyPageSection("CoordinatorWork", 20);
        builder.Services.AddMyPageSection("MySignUps", 30);
        builder.Services.AddNavigationLink(new("Mine aktiviteter", "konto#mine-aktiviteter", 30, InMunicipality: false, ShowTo: me => me.CoordinatesAnyAsync()));
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Activities/OrganisationActivities", Policies.OrganisationMember);
            o.Conventions.AuthorizeFolder("/Activities/Manage", Policies.OrganisationCoordinator);
            o.Conventions.AddPageRoute("/Activities/Manage/Edit", "{m}/organisasjoner/{orgId:int}/aktiviteter/{id:int}");
        });
        builder.Services.AddAfterCommitHandler<ActivityEvent, ActivityLive>();
        builder.Services.AddAfterCommitHandler<SignUpEvent, ActivityLive>();
        builder.Services.AddHubScope(new HubScope("activities", (db, key, _) =>
            int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? db.Activities.AnyAsync(a => a.Id == id && a.Status != ActivityStatus.Draft)
                : Task.FromResult(false)));
    }

    /// <summary>Demo activities are placed around today, so the calendar is never empty: series start three weeks back.</summary>
    public async Task SeedDemoAsync(DemoContent demo, CancellationToken cancellationToken)
    {
        if (await demo.Db.Activities.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var d in demo.ReadList<DemoActivity>("activities.json"))
        {
            var municipality = demo.Municipalities[d.Municipality];
            var clock = MunicipalClock.For(municipality, demo.Time);
            var (_, _, monday) = clock.WeekOf(demo.Now);
            var firstDate = monday.AddDays((((int)d.Weekday + 6) % 7) - (d.Frequency == RecurrenceFrequency.None ? -7 : 21));
            var details = new ActivityDetails(d.Title, d.Summary, d.Description, d.Category, d.Targets, d.Accessibility, d.Languages, d.Place, null,
                d.DropIn, d.Capacity, d.PriceNok, Rusfri: true, PostalAddress.From(d.StreetAddress, d.PostalCode, d.City));
            var series = new Series(clock.ToUtc(firstDate, d.Start), clock.ToUtc(firstDate, d.End), new RecurrenceRule(d.Frequency));
            var activity = Activity.Draft(await demo.OrganisationIdAsync(d.Municipality, d.Organisation), demo.District(d.Municipality, d.District).Id,
                details, series, clock.Zone, demo.Now);
            activity.MunicipalityId = municipality.Id;
            activity.Publish(demo.Now);
            if (d.CancelNext)
            {
                activity.CancelDate(activity.Occurrences(clock.Zone, demo.Now, demo.Now.AddDays(14)).First().OriginalStart, "Stengt denne uken.", clock.Zone, demo.Now);
            }

            demo.Db.Activities.Add(activity);
        }

        await demo.Db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoActivity(string Municipality, string Organisation, string District, string Title, string? Summary, string? Description,
        string Category, List<string> Targets, List<string> Accessibility, string Place, DayOfWeek Weekday, TimeOnly Start, TimeOnly End,
        RecurrenceFrequency Frequency, bool DropIn, int? Capacity = null, decimal? PriceNok = null, string? Languages = null, bool CancelNext = false,
        string? StreetAddress = null, string? PostalCode = null, string? City = null);
}
