using System.Globalization;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Frivillig.IntegrationTests.Features.Activities;

/// <summary>A change to one date of a series tells those it concerns which date changed and how, and calls the series cancelled only when it is.</summary>
public sealed class DateChangeMailTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    private async Task<(int Id, long[] Dates, string Manage, WebSession Coordinator)> SeriesAsync(string title)
    {
        var (id, first) = await new ActivityBuilder(title, Capacity: 20, Frequency: RecurrenceFrequency.Weekly, Count: 4).SaveAsync(app);
        var dates = Enumerable.Range(0, 4).Select(i => new DateTimeOffset(first, TimeSpan.Zero).AddDays(7 * i).UtcTicks).ToArray();
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        return (id, dates, $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}", coordinator);
    }

    private async Task SignUpAsync(int id, string date, string name, string email) =>
        await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", new()
        {
            ["Input.Date"] = date,
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.Phone"] = string.Empty,
        }));

    private static string Local(long ticks) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(ticks, TimeSpan.Zero), FrivilligApp.Oslo).ToString("dddd d. MMMM yyyy 'kl.' HH:mm", Nb);

    private static string Text(long ticks) => ticks.ToString(CultureInfo.InvariantCulture);

    private IReadOnlyList<MimeMessage> MailTo(string address, string subjectStart) =>
        [.. app.Mail.To(address).Where(m => (m.Subject ?? string.Empty).StartsWith(subjectStart, StringComparison.Ordinal))];

    [Fact]
    public async Task Cancelling_one_date_tells_that_date_and_the_series_which_date_and_nobody_else()
    {
        var (id, dates, manage, coordinator) = await SeriesAsync("Strikkekafé");
        await SignUpAsync(id, "serie", "Sigrid Serie", "serie@eksempel.no");
        await SignUpAsync(id, Text(dates[1]), "Bare Den", "den@eksempel.no");
        await SignUpAsync(id, Text(dates[2]), "En Annen", "annen@eksempel.no");

        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/datoer?handler=CancelDate",
            new() { ["date"] = Text(dates[1]), ["note"] = "Lokalet er opptatt", ["bekreftet"] = "ja" }, formPage: manage));

        var single = await app.Mail.WaitForAsync("den@eksempel.no", m => (m.Subject ?? "").StartsWith("Avlyst", StringComparison.Ordinal));
        Assert.Equal($"Avlyst {Local(dates[1])}: Strikkekafé", single.Subject);
        Assert.Contains("tatt ut av kalenderen", single.TextBody);
        Assert.Contains("Lokalet er opptatt", single.TextBody);
        Assert.Contains("METHOD:CANCEL", single.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text);

        var series = await app.Mail.WaitForAsync("serie@eksempel.no", m => (m.Subject ?? "").StartsWith("Avlyst", StringComparison.Ordinal));
        Assert.Equal($"Avlyst {Local(dates[1])}: Strikkekafé", series.Subject);
        Assert.Contains($"Én dato i Strikkekafé er avlyst: {Local(dates[1])}", series.TextBody);
        Assert.Contains("De andre datoene i serien går som planlagt", series.TextBody);
        Assert.DoesNotContain("hele serien", series.TextBody, StringComparison.OrdinalIgnoreCase);
        // The series sign-up keeps its place in the calendar: no withdrawal of the whole series.
        Assert.DoesNotContain(series.BodyParts.OfType<TextPart>(), p => p.ContentType.MimeType == "text/calendar");

        await Task.Delay(500);
        Assert.Empty(MailTo("annen@eksempel.no", "Avlyst"));
        // Stored: one date cancelled, the activity itself still published.
        var stored = await app.DbAsync(db => db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Id == id));
        Assert.Equal(ActivityStatus.Published, stored.Status);
        Assert.Equal(new DateTimeOffset(dates[1], TimeSpan.Zero), Assert.Single(stored.DateChanges).OriginalStart);
    }

    [Fact]
    public async Task Moving_one_date_names_the_old_and_the_new_time()
    {
        var (id, dates, manage, coordinator) = await SeriesAsync("Turgruppe");
        await SignUpAsync(id, "serie", "Sigrid Serie", "serie2@eksempel.no");
        await SignUpAsync(id, Text(dates[2]), "Bare Den", "den2@eksempel.no");
        var newDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(dates[2], TimeSpan.Zero), FrivilligApp.Oslo).DateTime).AddDays(1);

        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/datoer?handler=MoveDate", new()
        {
            ["date"] = Text(dates[2]), ["newDate"] = newDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["newStart"] = "17:00", ["newEnd"] = "19:00",
        }, formPage: manage));

        var newTime = newDay.ToDateTime(new TimeOnly(17, 0)).ToString("dddd d. MMMM yyyy 'kl.' HH:mm", Nb);
        var single = await app.Mail.WaitForAsync("den2@eksempel.no", m => (m.Subject ?? "").StartsWith("Flyttet", StringComparison.Ordinal));
        Assert.Contains($"Turgruppe {Local(dates[2])} er flyttet til {newTime}", single.TextBody);
        var series = await app.Mail.WaitForAsync("serie2@eksempel.no", m => (m.Subject ?? "").StartsWith("Flyttet", StringComparison.Ordinal));
        Assert.Contains($"{Local(dates[2])} blir i stedet {newTime}", series.TextBody);
        Assert.Contains("De andre datoene i serien er som før", series.TextBody);
        // Stored: that one date moved to 17:00 the next day, the series still published.
        var stored = await app.DbAsync(db => db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Id == id));
        Assert.Equal(ActivityStatus.Published, stored.Status);
        var change = Assert.Single(stored.DateChanges);
        Assert.Equal(new DateTimeOffset(dates[2], TimeSpan.Zero), change.OriginalStart);
        Assert.False(change.Cancelled);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(newDay.ToDateTime(new TimeOnly(17, 0)), FrivilligApp.Oslo), change.NewStart?.UtcDateTime);
    }

    [Fact]
    public async Task Restoring_a_cancelled_date_tells_those_signed_up_that_it_happens_after_all()
    {
        var (id, dates, manage, coordinator) = await SeriesAsync("Leksehjelp");
        await SignUpAsync(id, Text(dates[3]), "Bare Den", "den3@eksempel.no");
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/datoer?handler=CancelDate", new() { ["date"] = Text(dates[3]), ["bekreftet"] = "ja" }, formPage: manage));
        await app.Mail.WaitForAsync("den3@eksempel.no", m => (m.Subject ?? "").StartsWith("Avlyst", StringComparison.Ordinal));

        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/datoer?handler=RestoreDate", new() { ["date"] = Text(dates[3]) }, formPage: manage));
        var restored = await app.Mail.WaitForAsync("den3@eksempel.no", m => (m.Subject ?? "").StartsWith("Blir likevel av", StringComparison.Ordinal));
        Assert.Contains(Local(dates[3]), restored.Subject);
        Assert.Contains("METHOD:REQUEST", restored.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text);
        Assert.Empty(await app.DbAsync(db => db.DateChanges.Where(c => c.ActivityId == id).ToListAsync()));
    }
}
