using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Volunteering;

/// <summary>What volunteering keeps, and for how long; its own app, since it moves the clock a year on.</summary>
public sealed class VolunteeringRetentionTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task Briefing_views_go_a_year_after_the_shift()
    {
        var (_, shiftId, _) = await VolunteerScene.RoleAsync(app, "Oppbevaringsrolle", daysAhead: 1);
        var user = await VolunteerScene.NewVolunteerAsync(app, "oppbevaring@frivillig.test", "Oda Oppbevaring");
        await app.DbAsync(async db =>
        {
            db.BriefingViews.Add(new BriefingView { MunicipalityId = (await db.Shifts.SingleAsync(s => s.Id == shiftId)).MunicipalityId, ShiftId = shiftId, UserId = user, ViewedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var retention = app.Services.GetRequiredService<Frivillig.Web.Hosting.RetentionService>();
        await retention.RunAsync(CancellationToken.None);
        Assert.Equal(1, await app.DbAsync(db => db.BriefingViews.CountAsync(v => v.ShiftId == shiftId)));
        app.Clock.Advance(TimeSpan.FromDays(367));
        await retention.RunAsync(CancellationToken.None);
        Assert.Equal(0, await app.DbAsync(db => db.BriefingViews.CountAsync(v => v.ShiftId == shiftId)));
    }
}
