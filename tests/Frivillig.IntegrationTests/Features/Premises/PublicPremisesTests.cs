using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>Residents and organisations find premises: the list by district with its filters, a building's free and busy times, and the same as JSON.</summary>
public sealed class PublicPremisesTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task The_list_shows_premises_by_district_and_filters_by_kind_capacity_equipment_and_accessibility()
    {
        var session = app.NewSession();
        var all = await session.GetHtmlAsync("/tromso/lokaler");
        Assert.Contains("Kroken skole", all);
        Assert.Contains("Kvaløysletta bydelshus", all);
        Assert.Contains("<title>Lokaler å låne og leie i Tromsø", all);

        var piano = await session.GetHtmlAsync("/tromso/lokaler?equipment=piano");
        Assert.Contains("Musikkrom", piano);
        Assert.DoesNotContain("Kvaløysletta bydelshus", piano);

        var libraries = await session.GetHtmlAsync("/tromso/lokaler?kind=Bibliotek&capacity=50&accessibility=teleslynge");
        Assert.Contains("Auditoriet", libraries);
        Assert.DoesNotContain("Grupperom Polaris", libraries);
        Assert.DoesNotContain("Kroken skole", libraries);
    }

    [Fact]
    public async Task Free_at_a_day_and_time_leaves_out_rooms_that_are_closed_or_taken()
    {
        var session = app.NewSession();
        // Saturday morning: the school kitchen is open weekdays only.
        var saturday = await session.GetHtmlAsync("/tromso/lokaler?date=2026-12-05&from=12:00&to=14:00");
        Assert.DoesNotContain("Skolekjøkken", saturday);
        Assert.Contains("Musikkrom", saturday);

        // Thursday evening: the whole gym is taken by the demo's weekly booking, so are both its halves.
        var thursday = await session.GetHtmlAsync("/tromso/lokaler?district=kroken&date=2026-11-26&from=18:30&to=19:30");
        Assert.DoesNotContain("Gymsal", thursday);
        Assert.Contains("Skolekjøkken", thursday);
    }

    [Fact]
    public async Task Bad_filters_are_told_beside_the_field_and_as_problem_json()
    {
        var page = await app.NewSession().GetHtmlAsync("/tromso/lokaler?capacity=-3&date=2026-13-40&from=25:00");
        Assert.Contains("Antall personer må være et helt tall over null.", page);
        Assert.Contains("Skriv datoen som ÅÅÅÅ-MM-DD.", page);

        var response = await app.NewSession().Client.GetAsync("/api/v1/tromso/premises?equipment=<script>");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var window = await app.NewSession().Client.GetAsync("/api/v1/tromso/premises/1/availability?from=2026-12-01&to=2028-12-01");
        Assert.Equal(HttpStatusCode.BadRequest, window.StatusCode);
        Assert.Contains("høyst ett år", await window.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_building_shows_its_rooms_free_and_busy_as_a_table_with_a_map_link_and_no_access_instructions()
    {
        var gym = await app.RoomAsync(PremisesScene.Gym);
        var page = await app.NewSession().GetHtmlAsync($"/tromso/lokaler/{gym.BuildingId}");
        Assert.Contains("<h1>Kroken skole</h1>", page);
        Assert.Contains("https://www.openstreetmap.org/?mlat=69.7062", page);
        Assert.Contains("<caption id=\"cap-" + gym.Id + "\">Ledig og opptatt i Gymsal (hel)", page);
        Assert.Contains("<th scope=\"row\">torsdag 26. november</th>", page);
        Assert.Contains("18:00–20:00", page);
        Assert.DoesNotContain("4711", page); // the key box code goes only to the booking's contact
        Assert.DoesNotContain("Innebandy", page); // a private booking says nothing of who or why
    }

    [Fact]
    public async Task The_api_lists_premises_and_gives_busy_times_per_room_with_offsets_and_without_who_or_why()
    {
        var client = app.NewSession().Client;
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/tromso/premises?district=kroken")).RootElement;
        var school = Assert.Single(list.EnumerateArray());
        Assert.Equal("Kroken skole", school.GetProperty("name").GetString());
        var id = school.GetProperty("id").GetInt32();
        var halves = school.GetProperty("rooms").EnumerateArray().Where(r => r.GetProperty("partOf").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(2, halves.Count);

        var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/tromso/premises/{id}")).RootElement;
        Assert.Equal("Lekkervegen 1", one.GetProperty("streetAddress").GetString());
        Assert.DoesNotContain("4711", one.GetRawText(), StringComparison.Ordinal);

        var availability = await client.GetStringAsync($"/api/v1/tromso/premises/{id}/availability?from=2026-11-26&to=2026-11-27");
        var rooms = JsonDocument.Parse(availability).RootElement.GetProperty("rooms").EnumerateArray().ToList();
        foreach (var room in rooms.Where(r => r.GetProperty("name").GetString()!.StartsWith("Gymsal", StringComparison.Ordinal)))
        {
            var busy = Assert.Single(room.GetProperty("busy").EnumerateArray());
            Assert.Equal("2026-11-26T18:00:00+01:00", busy.GetProperty("start").GetString());
            Assert.Equal("booked", busy.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, busy.GetProperty("activity").ValueKind);
        }

        Assert.DoesNotContain("Innebandy", availability, StringComparison.Ordinal);
        Assert.DoesNotContain("Røde Kors", availability, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipalitys_building_is_not_found_here()
    {
        var lund = await app.RoomAsync("Aula", Demo.Kristiansand);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewSession().Client.GetAsync($"/tromso/lokaler/{lund.BuildingId}")).StatusCode);
        var api = await app.NewSession().Client.GetAsync($"/api/v1/tromso/premises/{lund.BuildingId}/availability");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
