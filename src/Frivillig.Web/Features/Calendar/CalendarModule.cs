using Frivillig.Web.Hosting;
using Frivillig.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// The municipality's calendar: the week and list pages, the print view and the JSON API, all from
/// one query, kept in the output cache and evicted when an activity changes.
/// </summary>
public sealed class CalendarModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ActivityCalendar>();
        builder.Services.AddSingleton<CalendarSnapshots>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CalendarSnapshots.Invalidation>();
        builder.Services.AddCalendarCache();
        builder.Services.AddAfterCommitHandler<ActivityEvent, CalendarCache.Eviction>(AfterCommitStage.Invalidate);
        builder.Services.AddNavigationLink(new("Kalender", string.Empty, 10));
        builder.Services.AddHubScope(new HubScope("districts", (db, slug, _) => db.Districts.AnyAsync(d => d.Slug == slug)));
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapCalendarApi();
}
