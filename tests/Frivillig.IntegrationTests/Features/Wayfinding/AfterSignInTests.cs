using System.Globalization;
using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>Each role lands where its work is, the header keeps the municipality's menu, and anyone sees and cancels their own sign-ups.</summary>
public sealed class AfterSignInTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static Dictionary<string, string> SignUpForm(long date, string name, string email) => new()
    {
        ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.Email"] = email,
    };

    [Fact]
    public async Task A_municipality_admin_sees_the_approval_queue_and_its_count_on_min_side()
    {
        var admin = await app.SignInAsync(Demo.TromsoAdmin);
        var pending = await app.DbAsync(async db =>
        {
            var tromso = await db.Municipalities.Where(m => m.Slug == Demo.Tromso).Select(m => m.Id).SingleAsync();
            return await db.Organisations.IgnoreQueryFilters().CountAsync(o => o.MunicipalityId == tromso && o.Status == ApprovalStatus.Pending);
        });
        var html = await admin.GetHtmlAsync("/konto");
        Assert.Contains("Til godkjenning", html);
        Assert.Contains($"<span class=\"count\">{pending}</span>", html);
        Assert.Contains("/tromso/admin#venter", html);
    }

    [Fact]
    public async Task A_coordinator_sees_their_organisations_and_next_activities_with_sign_up_counts()
    {
        var (id, date) = await new ActivityBuilder("Koordinatorkurs", Capacity: 8, DaysAhead: 2).SaveAsync(app);
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", SignUpForm(date, "Per", "per@eksempel.no"));
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var html = await coordinator.GetHtmlAsync("/konto");
        Assert.Contains("Aktivitetene du koordinerer", html);
        Assert.Contains("Tromsø Røde Kors", html);
        Assert.Contains("Mental Helse", html);
        Assert.Contains("Koordinatorkurs", html);
        Assert.Contains("1 påmeldt / 8", html);
        Assert.Contains($"/aktiviteter/{id}/pameldte/{date}", html);
    }

    [Fact]
    public async Task Anyone_signed_in_sees_their_own_sign_ups_by_their_confirmed_address_and_can_cancel_one()
    {
        var (id, date) = await new ActivityBuilder("Min egen påmelding", Capacity: 1, DaysAhead: 3).SaveAsync(app);
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", SignUpForm(date, "Frida", Demo.Volunteer));
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", SignUpForm(date, "Venter", "venter@eksempel.no"));
        var someoneElse = await app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id && s.Email == "venter@eksempel.no").Select(s => s.Id).SingleAsync());
        var mine = await app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id && s.Email == Demo.Volunteer).Select(s => s.Id).SingleAsync());

        var volunteer = await app.SignInAsync(Demo.Volunteer);
        var html = await volunteer.GetHtmlAsync("/konto");
        Assert.Contains("Mine påmeldinger", html);
        Assert.Contains("Min egen påmelding", html);
        Assert.Contains($"/tromso/pamelding/mine/{mine}", html);
        Assert.DoesNotContain($"/tromso/pamelding/mine/{someoneElse}", html);

        // Someone else's sign-up is not there to cancel.
        using (var other = await volunteer.Client.GetAsync($"/tromso/pamelding/mine/{someoneElse}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        var question = await volunteer.GetHtmlAsync($"/tromso/pamelding/mine/{mine}");
        Assert.Contains("Melde deg av Min egen påmelding", question);
        await WebSession.AssertRedirectAsync(await volunteer.PostFormAsync($"/tromso/pamelding/mine/{mine}", []));
        Assert.Equal(SignUpStatus.Cancelled, await app.DbAsync(db => db.SignUps.Where(s => s.Id == mine).Select(s => s.Status).SingleAsync()));
        // The freed place went to the one waiting, who is told.
        Assert.Equal(SignUpStatus.Confirmed, await app.DbAsync(db => db.SignUps.Where(s => s.Id == someoneElse).Select(s => s.Status).SingleAsync()));
        await app.Mail.WaitForAsync("venter@eksempel.no", m => (m.Subject ?? "").Contains("fått plass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Min_side_keeps_the_municipalitys_menu_in_the_header()
    {
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        await coordinator.GetHtmlAsync("/tromso"); // where they were
        var html = await coordinator.GetHtmlAsync("/konto");
        Assert.Contains("class=\"brand-municipality\" href=\"/tromso\"", html);
        Assert.Contains("href=\"/tromso/organisasjoner\"", html);
        Assert.Contains("Mine aktiviteter", html);

        // An admin who has not visited yet still gets the municipality where their role is.
        var admin = await app.SignInAsync(Demo.KristiansandAdmin);
        var adminPage = await admin.GetHtmlAsync("/konto");
        Assert.Contains("href=\"/kristiansand/admin\"", adminPage);
        Assert.Contains("Kommuneadministrasjon", adminPage);
    }
}
