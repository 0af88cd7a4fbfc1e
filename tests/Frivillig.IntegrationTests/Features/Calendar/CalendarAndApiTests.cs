using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Calendar;

public sealed class CalendarAndApiTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task This_week_shows_the_demo_activities_with_filters_that_are_links()
    {
        var html = await app.NewSession().GetHtmlAsync("/tromso");
        Assert.Contains("Kaffetreff for eldre", html);
        Assert.Contains("Leksehjelp", html);
        Assert.DoesNotContain("Strikkekafé på Roa", html); // Lunner's

        var filtered = await app.NewSession().GetHtmlAsync("/tromso?district=tromsoya&target=eldre&dropin=true");
        Assert.Contains("Kaffetreff for eldre", filtered);
        Assert.DoesNotContain("Leksehjelp", filtered);
        Assert.Contains("<option value=\"tromsoya\" selected=\"selected\">", filtered);
    }

    [Fact]
    public async Task List_view_and_free_text_search()
    {
        var html = await app.NewSession().GetHtmlAsync("/tromso?q=leksehjelp&visning=liste");
        Assert.Contains("occurrence-list", html);
        Assert.Contains("Leksehjelp", html);
        Assert.DoesNotContain("Kaffetreff for eldre", html);
    }

    [Fact]
    public async Task Hostile_search_text_is_shown_as_text()
    {
        using var response = await app.NewSession().Client.GetAsync("/tromso?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%25_");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("0 aktiviteter", html);
    }

    [Theory]
    [InlineData("district=atlantis", "ingen bydel")]
    [InlineData("from=2026-13-01", "ÅÅÅÅ-MM-DD")]
    public async Task Bad_filter_on_the_page_is_explained_beside_the_filter(string query, string message)
    {
        using var response = await app.NewSession().Client.GetAsync("/tromso?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("field-error", html);
    }

    [Theory]
    [InlineData("from=2026-01-01&to=2027-01-03", "to")]
    [InlineData("from=2026-05-01&to=2026-04-01", "to")]
    [InlineData("district=harestua", "district")]
    [InlineData("category=ukjent", "category")]
    [InlineData("target=alle%22%3E", "target")]
    [InlineData("from=i-morgen", "from")]
    public async Task Api_refuses_bad_windows_and_unknown_filters_with_problem_json(string query, string field)
    {
        using var response = await app.NewSession().Client.GetAsync("/api/v1/tromso/activities?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Api_refuses_unknown_parameters()
    {
        using var response = await app.NewSession().Client.GetAsync("/api/v1/tromso/activities?fra=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fra", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_gives_occurrences_with_offsets_status_and_only_this_municipality()
    {
        var list = await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/activities");
        Assert.NotNull(list);
        Assert.NotEmpty(list);
        Assert.All(list, o =>
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$", o.GetProperty("start").GetString());
            Assert.Matches("^(scheduled|cancelled|moved)$", o.GetProperty("status").GetString());
            Assert.True(o.GetProperty("activityId").GetInt32() > 0);
        });
        Assert.DoesNotContain(list, o => o.GetProperty("title").GetString() == "Strikkekafé på Roa");
        Assert.Contains(list, o => o.GetProperty("title").GetString() == "Kaffetreff for eldre" && o.GetProperty("district").GetString() == "tromsoya");
    }

    [Fact]
    public async Task Open_series_over_a_year_window_is_bounded()
    {
        var list = await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/activities?from=2030-01-01&to=2030-12-31&q=Kaffetreff");
        Assert.Equal(52, list!.Length);
    }

    [Fact]
    public async Task Print_view_is_one_district_in_large_type()
    {
        var html = await app.NewSession().GetHtmlAsync("/tromso/utskrift?district=tromsoya");
        Assert.Contains("print.css", html);
        Assert.Contains("Aktiviteter i Tromsøya", html);
        Assert.Contains("Kaffetreff for eldre", html);
        Assert.DoesNotContain("Leksehjelp", html);
        using var missing = await app.NewSession().Client.GetAsync("/tromso/utskrift");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
    }

    [Fact]
    public async Task Activity_page_says_rusfri_and_has_event_json_ld()
    {
        var list = await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/activities?q=Kaffetreff");
        var id = list![0].GetProperty("activityId").GetInt32();
        var html = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.Contains("Rusfritt", html);
        Assert.Contains("\"@type\":\"Event\"", html);
        Assert.Contains("eventStatus", html);
        Assert.Contains("Trinnfri adkomst", html);
        Assert.Contains("<strong>Tromsøya bydelshus</strong>", html); // Markdown
    }

    [Theory]
    [InlineData("from=9999-12-31")]
    [InlineData("from=9999-12-25&to=9999-12-31")]
    [InlineData("from=0001-01-01&to=0001-01-05")]
    [InlineData("from=2026-01-01&to=9999-12-31")]
    [InlineData("from=2000-01-01&to=2100-12-31")]
    public async Task Dates_at_the_ends_of_the_calendar_get_a_clear_400_on_the_page_the_print_view_and_the_api(string query)
    {
        var session = app.NewSession();
        using var page = await session.Client.GetAsync("/tromso?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("field-error", html);
        Assert.True(html.Length < 500_000, $"the refused page was {html.Length} characters"); // drawn around the default week, not the period asked for

        using var print = await session.Client.GetAsync("/tromso/utskrift?district=tromsoya&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, print.StatusCode);

        using var api = await session.Client.GetAsync("/api/v1/tromso/activities?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
