using System.Globalization;
using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>
/// Every irreversible action asks first, in a form that works without script; the first click changes
/// nothing; the button is styled as what it is; and pages say what is true afterwards.
/// </summary>
public sealed class SafeActionTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static string Ticks(long date) => date.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Cancelling_a_date_asks_first_and_names_the_date_and_those_signed_up()
    {
        var (id, date) = await new ActivityBuilder("Datoavlysning", Capacity: 5, Frequency: RecurrenceFrequency.Weekly, Count: 4).SaveAsync(app);
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", new() { ["Input.Date"] = Ticks(date), ["Input.Name"] = "Eva", ["Input.Email"] = "eva@eksempel.no" });
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/datoer";
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        Assert.Contains("button button-danger", await coordinator.GetHtmlAsync(page));

        var ask = await coordinator.PostFormAsync($"{page}?handler=CancelDate", new() { ["date"] = Ticks(date) }, formPage: page);
        var question = await ask.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Avlyse onsdag 2. desember kl. 18:00?", question);
        Assert.Contains("de 1 som er påmeldt får e-post", question);
        Assert.Contains("name=\"bekreftet\" value=\"ja\"", question);
        Assert.Contains("button button-danger-confirm", question);
        Assert.False(await app.DbAsync(db => db.DateChanges.AnyAsync(c => c.ActivityId == id)));

        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{page}?handler=CancelDate", new() { ["date"] = Ticks(date), ["bekreftet"] = "ja" }, formPage: page));
        Assert.True(await app.DbAsync(db => db.DateChanges.AnyAsync(c => c.ActivityId == id && c.Cancelled)));
    }

    [Fact]
    public async Task Cancelling_and_deleting_an_activity_each_ask_first()
    {
        var (id, _) = await new ActivityBuilder("Avlys meg").SaveAsync(app);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/avlys";
        var coordinator = await app.SignInAsync(Demo.Coordinator);

        var ask = await (await coordinator.PostFormAsync($"{page}?handler=CancelActivity", [], formPage: page)).Content.ReadAsStringAsync();
        Assert.Contains("Avlyse hele «Avlys meg»?", ask);
        Assert.Equal(ActivityStatus.Published, await app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{page}?handler=CancelActivity", new() { ["bekreftet"] = "ja" }, formPage: page));

        var askDelete = await (await coordinator.PostFormAsync($"{page}?handler=Delete", [], formPage: page)).Content.ReadAsStringAsync();
        Assert.Contains("Slette «Avlys meg»?", askDelete);
        Assert.True(await app.DbAsync(db => db.Activities.AnyAsync(a => a.Id == id)));
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{page}?handler=Delete", new() { ["bekreftet"] = "ja" }, formPage: page));
        Assert.False(await app.DbAsync(db => db.Activities.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Cancelling_a_sign_up_asks_first_and_the_receipt_then_says_what_is_true()
    {
        var (id, date) = await new ActivityBuilder("Kvittering", Capacity: 3).SaveAsync(app);
        var resident = app.NewSession();
        var receipt = (await WebSession.AssertRedirectAsync(await resident.PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp",
            new() { ["Input.Date"] = Ticks(date), ["Input.Name"] = "Gro", ["Input.Phone"] = "912 34 567" }))).OriginalString;
        var before = await resident.GetHtmlAsync(receipt);
        Assert.Contains("Ta vare på denne siden", before);

        var ask = await (await resident.PostFormAsync($"{receipt}?handler=Cancel", [], formPage: receipt)).Content.ReadAsStringAsync();
        Assert.Contains("Melde deg av Kvittering", ask);
        Assert.Equal(SignUpStatus.Confirmed, await app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id).Select(s => s.Status).SingleAsync()));

        await WebSession.AssertRedirectAsync(await resident.PostFormAsync($"{receipt}?handler=Cancel", new() { ["bekreftet"] = "ja" }, formPage: receipt));
        var after = await resident.GetHtmlAsync(receipt);
        Assert.Contains("er avmeldt", after);
        Assert.DoesNotContain("Ta vare på denne siden", after);
        Assert.DoesNotContain("Meld meg av", after);
    }

    [Fact]
    public async Task A_new_calendar_address_asks_first_because_it_stops_the_old_one()
    {
        var volunteer = await app.SignInAsync(Demo.Member);
        await volunteer.PostFormAsync("/konto?handler=CalendarLink", [], formPage: "/konto"); // the first address: nothing to lose
        var hash = await app.DbAsync(db => db.Users.Where(u => u.Email == Demo.Member).Select(u => u.CalendarTokenHash).SingleAsync());
        Assert.NotNull(hash);
        var ask = await (await volunteer.PostFormAsync("/konto?handler=CalendarLink", [], formPage: "/konto")).Content.ReadAsStringAsync();
        Assert.Contains("Lage ny kalenderadresse?", ask);
        Assert.Equal(hash, await app.DbAsync(db => db.Users.Where(u => u.Email == Demo.Member).Select(u => u.CalendarTokenHash).SingleAsync()));
    }

    [Fact]
    public async Task Secondary_and_danger_buttons_are_styled_as_what_they_are()
    {
        var css = await app.NewSession().GetHtmlAsync("/css/site.css");
        // The variants carry the base rule's specificity, so "button.button" does not paint them primary.
        Assert.Contains(".button.button-secondary {", css);
        Assert.Contains(".button.button-danger {", css);
        Assert.Contains(".button.button-danger-confirm {", css);
    }
}
