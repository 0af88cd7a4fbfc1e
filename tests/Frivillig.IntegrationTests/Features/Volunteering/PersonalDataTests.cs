using System.Globalization;
using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Volunteering;

/// <summary>A volunteer exports everything held about them and deletes their account; their hours stay as anonymous counts.</summary>
public sealed class PersonalDataTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task A_volunteer_exports_all_their_data_and_deletes_the_account_leaving_only_anonymous_hours()
    {
        var (roleId, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Eksportrolle", daysAhead: 0);
        var user = await VolunteerScene.NewVolunteerAsync(app, "eksport@frivillig.test", "Eli Eksport");
        await VolunteerScene.ReadyAndApprovedAsync(app, user, roleId);
        var signUpId = await VolunteerScene.TakeAsync(app, user, shiftId);
        await app.DbAsync(async db =>
        {
            var s = await db.ShiftSignUps.SingleAsync(x => x.Id == signUpId);
            s.CheckIn("c", TimeSpan.FromHours(2), app.Clock.GetUtcNow());
            s.ApproveHours(2, "c", app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var (activityId, date) = await new ActivityBuilder("Eksportkurs").SaveAsync(app);
        await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{activityId}?handler=SignUp", new()
        {
            ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "Eli Eksport", ["Input.Email"] = "eksport@frivillig.test", ["Input.Phone"] = string.Empty,
        }));

        var session = await app.SignInAsync("eksport@frivillig.test");
        await WebSession.AssertRedirectAsync(await session.PostFormAsync("/tromso/frivillig/profil", new() { ["Input.Phone"] = "912 34 567", ["Input.Languages"] = "norsk, tysk" }));
        using var download = await session.Client.GetAsync("/konto/mine-data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        using var export = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal("eksport@frivillig.test", export.RootElement.GetProperty("konto").GetProperty("epost").GetString());
        var volunteering = export.RootElement.GetProperty("frivillig");
        Assert.Equal("norsk, tysk", volunteering.GetProperty("profiler")[0].GetProperty("sprak").GetString());
        Assert.Equal("Godkjent", volunteering.GetProperty("soknader")[0].GetProperty("status").GetString());
        Assert.True(volunteering.GetProperty("soknader")[0].TryGetProperty("melding", out _));
        Assert.Equal("Påmeldt", volunteering.GetProperty("vakter")[0].GetProperty("status").GetString());
        // One language throughout: no English key or value left in the volunteering part.
        foreach (var english in new[] { "\"message\"", "\"phone\"", "\"languages\"", "\"updatedAt\"", "\"organisationId\"", "Applied", "Approved", "Confirmed" })
        {
            Assert.DoesNotContain(english, volunteering.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(2, volunteering.GetProperty("opplaering").GetArrayLength());
        Assert.Single(volunteering.GetProperty("taushetserklaeringer").EnumerateArray());
        Assert.Equal(2m, volunteering.GetProperty("vakter")[0].GetProperty("timer").GetDecimal());
        Assert.Equal("Eksportkurs", export.RootElement.GetProperty("pameldinger")[0].GetProperty("aktivitet").GetString());

        // Asked first: nothing happens on the first click.
        var question = await session.PostFormAsync("/konto/mine-data?handler=Delete", new Dictionary<string, string>(), "/konto/mine-data");
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains("Slette kontoen din?", await question.Content.ReadAsStringAsync());
        Assert.True(await app.DbAsync(db => db.Users.AnyAsync(u => u.Id == user)));

        await WebSession.AssertRedirectAsync(await session.PostFormAsync("/konto/mine-data?handler=Delete", new() { ["bekreftet"] = "ja" }, "/konto/mine-data"));
        Assert.False(await app.DbAsync(db => db.Users.AnyAsync(u => u.Id == user)));
        Assert.Equal(0, await app.DbAsync(db => db.VolunteerProfiles.CountAsync(p => p.UserId == user)));
        Assert.Equal(0, await app.DbAsync(db => db.TrainingCompletions.CountAsync(p => p.UserId == user)));
        Assert.Equal(0, await app.DbAsync(db => db.DeclarationSignatures.CountAsync(p => p.UserId == user)));
        Assert.Equal(0, await app.DbAsync(db => db.SignUps.CountAsync(s => s.Email == "eksport@frivillig.test" || s.Name == "Eli Eksport")));
        var hours = await app.DbAsync(db => db.ShiftSignUps.SingleAsync(s => s.Id == signUpId));
        Assert.Null(hours.UserId);
        Assert.Equal(2m, hours.Hours);
        Assert.NotNull(hours.HoursApprovedAt);
        Assert.Equal(1, await app.DbAsync(db => db.RoleApplications.CountAsync(a => a.RoleId == roleId && a.UserId == null)));
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        Assert.Contains("Slettet bruker", await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}"));

        var signIn = await app.NewSession().PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = "eksport@frivillig.test", ["Input.Password"] = Demo.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
