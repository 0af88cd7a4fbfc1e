using System.Globalization;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Email;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Frivillig.IntegrationTests.Features.Email;

/// <summary>The app with Frivillig:Smtp:Host set, talking to aiosmtpd on loopback.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly FrivilligApp _app;

    public SmtpDeliveryTests()
    {
        _app = new FrivilligApp()
            .With("Frivillig:Smtp:Host", "127.0.0.1")
            .With("Frivillig:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Frivillig:Smtp:From", "Frivillig Tromsø <ikke-svar@frivillig.test>")
            .With("Frivillig:Smtp:RetryBaseSeconds", "0.2");
    }

    private Task<(int Id, long Date)> CourseAsync(int capacity = 5) =>
        new ActivityBuilder("Kurs; med, tegn \\ og æøå", capacity, DaysAhead: 10).SaveAsync(_app);

    private async Task<string> SignUpAsync(int id, long date, string name, string email)
    {
        var response = await _app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", new()
        {
            ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.Phone"] = string.Empty,
        });
        return (await WebSession.AssertRedirectAsync(response)).OriginalString;
    }

    private static TextPart CalendarPart(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");

    [Fact]
    public async Task Sign_up_confirmation_arrives_with_an_invitation_and_cancellation_withdraws_it()
    {
        var (id, date) = await CourseAsync();
        var receipt = await SignUpAsync(id, date, "Ingrid Ny", "ingrid@eksempel.no");

        var confirmation = await _smtp.WaitForAsync("ingrid@eksempel.no", m => (m.Subject ?? "").Contains("påmeldt", StringComparison.Ordinal));
        Assert.Equal("ikke-svar@frivillig.test", confirmation.From.Mailboxes.Single().Address);
        Assert.NotNull(confirmation.TextBody);
        Assert.NotNull(confirmation.HtmlBody);
        var request = CalendarPart(confirmation);
        Assert.Equal("REQUEST", request.ContentType.Parameters["method"]);
        Assert.Contains("METHOD:REQUEST", request.Text);
        var uid = request.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Single(l => l.StartsWith("UID:", StringComparison.Ordinal));
        Assert.Contains("SEQUENCE:0", request.Text);
        Assert.Contains("ATTENDEE;", request.Text);
        Assert.Contains("Kurs\\; med\\, tegn \\\\ og æøå", request.Text); // escaped per RFC 5545

        // A valid calendar to an independent parser: one event, at the date signed up for.
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(date, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        var parsed = Assert.Single(IcalParsers.Python(request.Text, local.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), parsed.Start);

        var session = _app.NewSession();
        await WebSession.AssertRedirectAsync(await session.PostFormAsync($"{receipt}?handler=Cancel", new() { ["bekreftet"] = "ja" }, formPage: receipt));
        var cancellation = await _smtp.WaitForAsync("ingrid@eksempel.no", m => (m.Subject ?? "").Contains("Avmeldt", StringComparison.Ordinal));
        var cancel = CalendarPart(cancellation);
        Assert.Equal("CANCEL", cancel.ContentType.Parameters["method"]);
        Assert.Contains("METHOD:CANCEL", cancel.Text);
        Assert.Contains(uid, cancel.Text);
        Assert.Contains("SEQUENCE:1", cancel.Text);
        Assert.Contains("STATUS:CANCELLED", cancel.Text);
        var stored = await _app.DbAsync(db => db.SignUps.SingleAsync(s => s.ActivityId == id));
        Assert.Equal(SignUpStatus.Cancelled, stored.Status);
        Assert.Equal(1, stored.CalendarSequence); // the sequence the withdrawal carried
    }

    [Fact]
    public async Task A_moved_date_sends_an_update_with_the_same_uid_and_higher_sequence()
    {
        var (id, date) = await CourseAsync();
        await SignUpAsync(id, date, "Per Flytt", "per@eksempel.no");
        var first = CalendarPart(await _smtp.WaitForAsync("per@eksempel.no"));
        var uid = first.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Single(l => l.StartsWith("UID:", StringComparison.Ordinal));

        var coordinator = await _app.SignInAsync(Demo.Coordinator);
        var orgId = await _app.OrganisationIdAsync(Demo.RodeKors);
        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        var newDay = _app.Today.AddDays(11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/datoer?handler=MoveDate", new()
        {
            ["date"] = date.ToString(CultureInfo.InvariantCulture), ["newDate"] = newDay, ["newStart"] = "19:00", ["newEnd"] = "21:00", ["note"] = "Nytt rom",
        }, formPage: manage));

        var update = await _smtp.WaitForAsync("per@eksempel.no", m => (m.Subject ?? "").StartsWith("Flyttet", StringComparison.Ordinal));
        var part = CalendarPart(update);
        Assert.Contains(uid, part.Text);
        Assert.Contains("SEQUENCE:1", part.Text);
        Assert.Contains($"DTSTART;TZID=Europe/Oslo:{_app.Today.AddDays(11):yyyyMMdd}T190000", part.Text);
        Assert.Contains("Nytt rom", update.TextBody);
        var change = Assert.Single(await _app.DbAsync(db => db.DateChanges.Where(c => c.ActivityId == id).ToListAsync()));
        Assert.Equal(date, change.OriginalStart.UtcTicks);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(_app.Today.AddDays(11).ToDateTime(new TimeOnly(19, 0)), FrivilligApp.Oslo), change.NewStart?.UtcDateTime);
    }

    [Fact]
    public async Task Cancelling_the_activity_tells_everyone_and_withdraws_the_invitations()
    {
        var (id, date) = await CourseAsync(capacity: 1);
        await SignUpAsync(id, date, "Har plass", "plass@eksempel.no");
        await SignUpAsync(id, date, "Venter", "venter@eksempel.no");
        await _smtp.WaitForAsync("venter@eksempel.no");

        var coordinator = await _app.SignInAsync(Demo.Coordinator);
        var orgId = await _app.OrganisationIdAsync(Demo.RodeKors);
        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/avlys?handler=CancelActivity", new() { ["bekreftet"] = "ja" }, formPage: manage));

        var confirmed = await _smtp.WaitForAsync("plass@eksempel.no", m => (m.Subject ?? "").StartsWith("Avlyst", StringComparison.Ordinal));
        Assert.Contains("METHOD:CANCEL", CalendarPart(confirmed).Text);
        var waiting = await _smtp.WaitForAsync("venter@eksempel.no", m => (m.Subject ?? "").StartsWith("Avlyst", StringComparison.Ordinal));
        Assert.DoesNotContain(waiting.BodyParts.OfType<TextPart>(), p => p.ContentType.MimeType == "text/calendar"); // had no invitation
        Assert.Equal(ActivityStatus.Cancelled, await _app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Nothing_is_lost_and_nothing_is_sent_twice_when_the_smtp_server_is_down_for_a_while()
    {
        await CourseAsync();
        var (id, date) = await CourseAsync(capacity: 50);
        _smtp.Stop();
        for (var i = 0; i < 5; i++)
        {
            await SignUpAsync(id, date, $"Nedetid {i}", $"nede{i}@eksempel.no");
        }

        // The sender has tried and failed; the messages wait in the outbox with their errors.
        await Task.Delay(1500);
        var waiting = await _app.DbAsync(db => db.Outbox.Where(m => m.ToAddress.StartsWith("nede")).ToListAsync());
        Assert.Equal(5, waiting.Count);
        Assert.All(waiting, m => Assert.Null(m.SentAt));
        Assert.Contains(waiting, m => m.Attempts > 0 && m.LastError is not null);

        _smtp.Start();
        _app.Clock.Advance(TimeSpan.FromHours(2)); // past every backoff
        for (var i = 0; i < 5; i++)
        {
            await _smtp.WaitForAsync($"nede{i}@eksempel.no", seconds: 30);
        }

        await Task.Delay(1500); // room for any duplicate to show up
        var received = _smtp.Received().Where(m => m.To.Mailboxes.Any(b => b.Address.StartsWith("nede", StringComparison.Ordinal))).ToList();
        Assert.Equal(5, received.Count);
        Assert.Equal(5, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await _app.DbAsync(db => db.Outbox.Where(m => m.ToAddress.StartsWith("nede")).ToListAsync()), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task Hostile_names_cannot_break_a_mail_header()
    {
        var (id, date) = await CourseAsync();
        await _app.DbAsync(async db =>
        {
            // Straight into the outbox as the sign-up form would refuse it: the header must still hold.
            var outbox = new Outbox(db, new EmailTemplates(new Frivillig.Web.Content.ContentStore(
                Microsoft.Extensions.Options.Options.Create(new Frivillig.Web.FrivilligOptions()), new TestEnvironment())), _app.Clock);
            outbox.Enqueue("angrep@eksempel.no", "Navn\r\nBcc: offer@eksempel.no", "signup-cancelled", new Dictionary<string, string?>
            {
                ["Name"] = "x",
                ["ActivityTitle"] = "Tittel\r\nBcc: offer@eksempel.no",
                ["When"] = "i dag",
            });
            return await db.SaveChangesAsync();
        });
        var mail = await _smtp.WaitForAsync("angrep@eksempel.no");
        Assert.Empty(mail.Bcc);
        Assert.DoesNotContain(_smtp.Received(), m => m.To.Mailboxes.Any(b => b.Address == "offer@eksempel.no"));
        Assert.DoesNotContain('\n', mail.Subject ?? string.Empty);
        _ = (id, date);
    }

    public void Dispose()
    {
        _app.Dispose();
        _smtp.Dispose();
    }

    private sealed class TestEnvironment : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ApplicationName { get; set; } = "Frivillig.Web";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public string EnvironmentName { get; set; } = "Testing";
    }
}
