using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Activities;

public sealed class PublishingTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private async Task<(WebSession Session, int OrgId)> CoordinatorAsync()
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        return (session, await app.OrganisationIdAsync(Demo.RodeKors));
    }

    private async Task<HttpResponseMessage> SaveAsync(WebSession session, int orgId, ActivityForm form, int? id = null)
    {
        var path = id is null ? $"/tromso/organisasjoner/{orgId}/aktiviteter/ny" : $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        return await session.PostFormAsync($"{path}?handler=Save", await form.FieldsAsync(app), formPage: path);
    }

    private Task<ActivityStatus> StatusAsync(int id) =>
        app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static int IdFrom(HttpResponseMessage response) => int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonElement[]> OccurrencesAsync(string query) =>
        (await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/tromso/activities?{query}"))!;

    [Fact]
    public async Task Weekly_series_published_and_one_date_cancelled_across_the_spring_change()
    {
        var (session, orgId) = await CoordinatorAsync();
        var saved = await SaveAsync(session, orgId, new ActivityForm { Title = "Vårkveld", Date = "2027-03-18" });
        await WebSession.AssertRedirectAsync(saved);
        var id = IdFrom(saved);

        var before = (await OccurrencesAsync("from=2027-03-15&to=2027-04-05")).Where(o => o.GetProperty("activityId").GetInt32() == id).ToList();
        Assert.Equal(["2027-03-18T18:00:00+01:00", "2027-03-25T18:00:00+01:00", "2027-04-01T18:00:00+02:00"], before.Select(o => o.GetProperty("start").GetString()));

        // Cancel the last winter-time date.
        var ticks = new DateTimeOffset(2027, 3, 25, 17, 0, 0, TimeSpan.Zero).UtcTicks;
        var path = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        var cancel = await session.PostFormAsync($"{path}/datoer?handler=CancelDate", new() { ["date"] = ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), ["bekreftet"] = "ja" }, formPage: path);
        await WebSession.AssertRedirectAsync(cancel);

        var after = (await OccurrencesAsync("from=2027-03-15&to=2027-04-05")).Where(o => o.GetProperty("activityId").GetInt32() == id).ToList();
        Assert.Equal(["scheduled", "cancelled", "scheduled"], after.Select(o => o.GetProperty("status").GetString()));
        Assert.True(after[1].GetProperty("sequence").GetInt32() > before[1].GetProperty("sequence").GetInt32());
        var stored = await app.DbAsync(db => db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Id == id));
        Assert.Equal(ActivityStatus.Published, stored.Status);
        var change = Assert.Single(stored.DateChanges);
        Assert.True(change.Cancelled);
        Assert.Equal(ticks, change.OriginalStart.UtcTicks);

        // The week view of that week shows it as cancelled, at 18:00.
        var week = WebUtility.HtmlDecode(await app.NewSession().GetHtmlAsync("/tromso?from=2027-03-22&to=2027-03-29&q=V%C3%A5rkveld"));
        Assert.Contains("Vårkveld", week);
        Assert.Contains("Avlyst", week);
        Assert.Contains("datetime=\"2027-03-25T18:00:00+01:00\"", week);
        var summerWeek = WebUtility.HtmlDecode(await app.NewSession().GetHtmlAsync("/tromso?from=2027-03-29&to=2027-04-05&q=V%C3%A5rkveld&visning=liste"));
        Assert.Contains("datetime=\"2027-04-01T18:00:00+02:00\"", summerWeek);
    }

    [Fact]
    public async Task Moving_one_date_moves_it_in_the_api()
    {
        var (session, orgId) = await CoordinatorAsync();
        var id = IdFrom(await SaveAsync(session, orgId, new ActivityForm { Title = "Flyttbar", Date = "2027-10-14" }));
        var path = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        var ticks = new DateTimeOffset(2027, 10, 21, 16, 0, 0, TimeSpan.Zero).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var move = await session.PostFormAsync($"{path}/datoer?handler=MoveDate", new() { ["date"] = ticks, ["newDate"] = "2027-11-02", ["newStart"] = "17:00", ["newEnd"] = "19:00", ["note"] = "Flyttet pga. høstferie" }, formPage: path);
        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        var list = (await OccurrencesAsync("from=2027-10-18&to=2027-11-08")).Where(o => o.GetProperty("activityId").GetInt32() == id).ToList();
        var moved = Assert.Single(list, o => o.GetProperty("status").GetString() == "moved");
        Assert.Equal("2027-11-02T17:00:00+01:00", moved.GetProperty("start").GetString());
        Assert.Equal("2027-10-21T18:00:00+02:00", moved.GetProperty("originalStart").GetString());
        var change = Assert.Single(await app.DbAsync(db => db.DateChanges.Where(c => c.ActivityId == id).ToListAsync()));
        Assert.False(change.Cancelled);
        Assert.Equal(new DateTimeOffset(2027, 11, 2, 16, 0, 0, TimeSpan.Zero), change.NewStart);
        Assert.Equal("Flyttet pga. høstferie", change.Note);
    }

    [Fact]
    public async Task Publishing_requires_the_rusfri_declaration()
    {
        var (session, orgId) = await CoordinatorAsync();
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var response = await SaveAsync(session, orgId, new ActivityForm { Title = "Uten erklæring", Rusfri = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bekreft det for å publisere", await WebSession.HtmlOf(response));
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task A_draft_is_visible_only_to_the_organisation()
    {
        var (session, orgId) = await CoordinatorAsync();
        var id = IdFrom(await SaveAsync(session, orgId, new ActivityForm { Title = "Hemmelig utkast", Intent = "draft", Rusfri = false }));
        Assert.Equal(ActivityStatus.Draft, await app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        using (var anonymous = await app.NewSession().Client.GetAsync($"/tromso/aktiviteter/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        }

        Assert.Contains("Utkast", await session.GetHtmlAsync($"/tromso/aktiviteter/{id}"));
        Assert.DoesNotContain(await OccurrencesAsync("from=2027-01-01&to=2027-12-31"), o => o.GetProperty("activityId").GetInt32() == id);
    }

    [Fact]
    public async Task A_cancelled_activity_stays_visible_as_cancelled_and_can_then_be_deleted()
    {
        var (session, orgId) = await CoordinatorAsync();
        var id = IdFrom(await SaveAsync(session, orgId, new ActivityForm { Title = "Avlyses", Date = "2026-12-03", Frequency = "None" }));
        var path = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";

        var refused = await session.PostFormAsync($"{path}/avlys?handler=Delete", new() { ["bekreftet"] = "ja" }, formPage: path);
        Assert.Contains("Avlys aktiviteten før du sletter", await WebSession.HtmlOf(refused));
        Assert.Equal(ActivityStatus.Published, await StatusAsync(id));

        await session.PostFormAsync($"{path}/avlys?handler=CancelActivity", new() { ["bekreftet"] = "ja" }, formPage: path);
        Assert.Equal(ActivityStatus.Cancelled, await StatusAsync(id));
        var page = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.Contains("Avlyst", page);
        Assert.Contains("https://schema.org/EventCancelled", page);
        var listed = Assert.Single(await OccurrencesAsync("from=2026-11-30&to=2026-12-07"), o => o.GetProperty("activityId").GetInt32() == id);
        Assert.Equal("cancelled", listed.GetProperty("status").GetString());

        var deleted = await session.PostFormAsync($"{path}/avlys?handler=Delete", new() { ["bekreftet"] = "ja" }, formPage: path);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.DbAsync(db => db.Activities.AnyAsync(a => a.Id == id)));
        await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hostile_text_is_refused_in_plain_fields_and_shown_as_text_in_the_description()
    {
        var (session, orgId) = await CoordinatorAsync();
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var refused = await SaveAsync(session, orgId, new ActivityForm { Title = "<script>alert(1)</script>" });
        Assert.Contains("HTML-kode", await WebSession.HtmlOf(refused));
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));

        var crlf = await SaveAsync(session, orgId, new ActivityForm { Title = "Linje\r\nBEGIN:VEVENT" });
        Assert.Contains("linjeskift eller kontrolltegn", await WebSession.HtmlOf(crlf));
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));

        var id = IdFrom(await SaveAsync(session, orgId, new ActivityForm
        {
            Title = "Trygg tittel & \"sitat\"",
            Description = "Se <script>alert('x')</script> og [lenke](javascript:alert(1))",
            Place = "Huset \"Vår\" & co",
            Date = "2026-12-10",
        }));
        var page = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.DoesNotContain("<script>alert('x')</script>", page);
        Assert.Contains("&lt;script&gt;", page);
        Assert.DoesNotContain("javascript:alert", page);
        Assert.Contains("Trygg tittel &amp; &quot;sitat&quot;", page);
        // Stored as typed: the encoding happens where the text is shown, not in the database.
        Assert.Equal("Trygg tittel & \"sitat\"", await app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));

        // JSON-LD cannot be closed from inside.
        var jsonLd = page[(page.IndexOf("application/ld+json\">", StringComparison.Ordinal) + 21)..];
        jsonLd = jsonLd[..jsonLd.IndexOf("</script>", StringComparison.Ordinal)];
        Assert.True(jsonLd.StartsWith('{'), jsonLd[..Math.Min(200, jsonLd.Length)]);
        var ld = JsonDocument.Parse(jsonLd).RootElement;
        Assert.Equal("Event", ld.GetProperty("@type").GetString());
        Assert.Equal("Trygg tittel & \"sitat\"", ld.GetProperty("name").GetString());
        Assert.Equal("https://schema.org/EventScheduled", ld.GetProperty("eventStatus").GetString());
    }

    [Theory]
    [InlineData("Start", "25:00", "Starter kl.")]
    [InlineData("End", "17:00", "Sluttiden må være etter starttiden")]
    [InlineData("Category", "ukjent", "kategori fra listen")]
    [InlineData("Capacity", "-1", "Antall plasser")]
    [InlineData("Title", "", "Skriv en tittel")]
    public async Task Bad_activity_input_is_refused_beside_the_field(string field, string value, string message)
    {
        var (session, orgId) = await CoordinatorAsync();
        var form = new ActivityForm { Title = "Feil " + field };
        typeof(ActivityForm).GetProperty(field)!.SetValue(form, value);
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var response = await SaveAsync(session, orgId, form);
        var html = await WebSession.HtmlOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("field-error", html);
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task Overlong_title_is_refused()
    {
        var (session, orgId) = await CoordinatorAsync();
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var response = await SaveAsync(session, orgId, new ActivityForm { Title = new string('x', 121) });
        Assert.Contains("høyst 120 tegn", await WebSession.HtmlOf(response));
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task Another_organisation_or_municipality_cannot_manage_the_activity()
    {
        var (session, orgId) = await CoordinatorAsync();
        var id = IdFrom(await SaveAsync(session, orgId, new ActivityForm { Title = "Røde Kors sin" }));

        // A member (not coordinator) of another organisation in the same municipality.
        var member = await app.SignInAsync(Demo.Member);
        var bymisjon = await app.OrganisationIdAsync(Demo.Bymisjonen);
        using (var r = await member.Client.GetAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        }

        // The activity through another organisation's path is not found.
        var coordinatorOfMentalHelse = session;
        var mentalHelse = await app.OrganisationIdAsync(Demo.MentalHelse);
        using (var r = await coordinatorOfMentalHelse.Client.GetAsync($"/tromso/organisasjoner/{mentalHelse}/aktiviteter/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        // Through another municipality's URL, nothing of it exists.
        using (var r = await session.Client.GetAsync($"/lunner/aktiviteter/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        var title = await app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync());
        Assert.Equal("Røde Kors sin", title);
        _ = bymisjon;
    }

    [Fact]
    public async Task Unapproved_organisation_cannot_publish()
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        await session.PostFormAsync("/tromso/organisasjoner/ny", [
            new("Input.Name", "Ny og ugodkjent"), new("Input.Kind", "Frivillig"), new("Input.ContactName", "K"), new("Input.ContactEmail", "k@eksempel.no"),
            new("Input.DistrictIds", (await app.DbAsync(db => db.Districts.Where(d => d.Slug == "kroken").Select(d => d.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var orgId = await app.OrganisationIdAsync("ny-og-ugodkjent");
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var response = await SaveAsync(session, orgId, new ActivityForm { Title = "Får ikke" });
        Assert.Contains("må være godkjent", await WebSession.HtmlOf(response));
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task Editing_a_published_activity_changes_it_and_raises_the_sequence()
    {
        var (session, orgId) = await CoordinatorAsync();
        var id = IdFrom(await SaveAsync(session, orgId, new ActivityForm { Title = "Før endring", Date = "2027-01-14" }));
        var sequence = await app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Sequence).SingleAsync());

        var edited = await SaveAsync(session, orgId, new ActivityForm { Title = "Etter endring", Date = "2027-01-14", Start = "19:00", End = "21:00", Intent = "save", Price = "50" }, id);
        await WebSession.AssertRedirectAsync(edited);
        var activity = await app.DbAsync(db => db.Activities.SingleAsync(a => a.Id == id));
        Assert.Equal("Etter endring", activity.Title);
        Assert.Equal(50m, activity.PriceNok);
        Assert.Equal(sequence + 1, activity.Sequence);
        var first = Assert.Single(await OccurrencesAsync("from=2027-01-11&to=2027-01-18"), o => o.GetProperty("activityId").GetInt32() == id);
        Assert.Equal("2027-01-14T19:00:00+01:00", first.GetProperty("start").GetString());
        Assert.Contains("50 kr", await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}"));
    }

    [Theory]
    [InlineData("MoveDate", "2027-01-21", "19:00", "18:00", "", "sluttid etter starttiden")]
    [InlineData("MoveDate", "", "19:00", "21:00", "", "Velg ny dato")]
    [InlineData("CancelDate", "", "", "", "<script>x</script>", "uten HTML-kode")]
    [InlineData("CancelDate", "NOT-IN-SERIES", "", "", "", "finnes ikke i serien")]
    public async Task Bad_date_changes_get_an_error_and_change_nothing(string handler, string newDate, string newStart, string newEnd, string note, string message)
    {
        var (session, orgId) = await CoordinatorAsync();
        var id = IdFrom(await SaveAsync(session, orgId, new ActivityForm { Title = "Datoendring " + handler + message.Length, Date = "2027-01-14" }));
        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        var date = new DateTimeOffset(2027, 1, 21, 17, 0, 0, TimeSpan.Zero).UtcTicks;
        var response = await session.PostFormAsync($"{manage}/datoer?handler={handler}", new()
        {
            ["date"] = (newDate == "NOT-IN-SERIES" ? date + TimeSpan.TicksPerHour : date).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["newDate"] = newDate == "NOT-IN-SERIES" ? string.Empty : newDate, ["newStart"] = newStart, ["newEnd"] = newEnd, ["note"] = note,
        }, formPage: manage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await WebSession.HtmlOf(response));
        Assert.False(await app.DbAsync(db => db.DateChanges.AnyAsync(c => c.ActivityId == id)));
    }

    [Theory]
    [InlineData("9999-12-31", "", "")]
    [InlineData("0001-01-01", "", "")]
    [InlineData("2027-03-18", "9999-12-31", "")]
    [InlineData("9999-12-01", "", "10")]
    public async Task Dates_outside_the_calendar_are_refused_beside_the_field_and_nothing_is_saved(string date, string until, string count)
    {
        var (session, orgId) = await CoordinatorAsync();
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var response = await SaveAsync(session, orgId, new ActivityForm { Title = "Ytterkant " + date, Date = date, Until = until, Count = count });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("field-error", await WebSession.HtmlOf(response));
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));
    }

    [Theory]
    [InlineData("9999-12-31", "18:00")]
    [InlineData("0001-01-01", "00:30")]
    public async Task Moving_a_date_to_the_ends_of_the_calendar_is_refused_and_changes_nothing(string newDate, string start)
    {
        var (session, orgId) = await CoordinatorAsync();
        var saved = await SaveAsync(session, orgId, new ActivityForm { Title = "Flyttes ikke " + newDate });
        var id = IdFrom(await Task.FromResult(saved));
        var path = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        var ticks = new DateTimeOffset(2027, 3, 25, 17, 0, 0, TimeSpan.Zero).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await session.PostFormAsync($"{path}/datoer?handler=MoveDate", new() { ["date"] = ticks, ["newDate"] = newDate, ["newStart"] = start, ["newEnd"] = "23:00" }, formPage: path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Velg ny dato mellom 2000-01-01 og 2100-12-31", await WebSession.HtmlOf(response));
        Assert.Empty(await app.DbAsync(db => db.DateChanges.Where(c => c.ActivityId == id).ToListAsync()));
    }

    [Fact]
    public async Task Markdown_nested_deeper_than_the_parser_takes_is_refused_and_a_stored_one_still_shows()
    {
        var (session, orgId) = await CoordinatorAsync();
        var deep = string.Concat(Enumerable.Repeat("> ", 300)) + "hei";
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var refused = await SaveAsync(session, orgId, new ActivityForm { Title = "Dyp beskrivelse", Description = deep });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("for mange nivåer", await WebSession.HtmlOf(refused));
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));

        // One that got in before the check (straight into the database) shows as plain text, not an error page.
        var saved = await SaveAsync(session, orgId, new ActivityForm { Title = "Lagret før sjekken" });
        var id = IdFrom(saved);
        await ActivityBuilder.EditAsync(app, id, d => d with { Description = string.Concat(Enumerable.Repeat("[", 1000)) });
        var page = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.Contains("[[[[[[[[", page);
    }
}
