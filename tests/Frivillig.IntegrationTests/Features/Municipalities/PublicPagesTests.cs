using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Municipalities;

public sealed class PublicPagesTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task Front_page_lists_the_demo_municipalities()
    {
        var html = await app.NewSession().GetHtmlAsync("/");
        Assert.Contains("href=\"/tromso\"", html);
        Assert.Contains("href=\"/kristiansand\"", html);
        Assert.Contains("href=\"/lunner\"", html);
        Assert.Contains("Tromsø", html);
        Assert.Contains("lang=\"nb\"", html);
    }

    [Fact]
    public async Task Municipality_pages_show_its_districts_and_approved_organisations_only()
    {
        var home = await app.NewSession().GetHtmlAsync("/tromso");
        Assert.Contains("Tromsøya", home);
        Assert.Contains("Sommarøy", home);
        Assert.DoesNotContain("Harestua", home); // Lunner's
        var organisations = await app.NewSession().GetHtmlAsync("/tromso/organisasjoner");
        Assert.Contains("Tromsø Røde Kors", organisations);
        Assert.DoesNotContain("Kvaløysletta velforening", organisations); // pending
    }

    [Theory]
    [InlineData("/oslo-finnes-ikke")]
    [InlineData("/oslo-finnes-ikke/organisasjoner")]
    [InlineData("/tromso/organisasjoner/999999")]
    public async Task Unknown_municipality_or_id_is_404(string url)
    {
        using var response = await app.NewSession().Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Districts_api_lists_the_municipality_own_districts_with_kind()
    {
        var districts = await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/lunner/districts");
        Assert.NotNull(districts);
        var names = districts.Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Contains("Harestua", names);
        Assert.DoesNotContain("Tromsøya", names);
        Assert.All(districts, d => Assert.Equal("Distriktssenter", d.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Organisations_api_lists_approved_organisations_only()
    {
        var organisations = await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/organisations");
        Assert.NotNull(organisations);
        var names = organisations.Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Contains("Tromsø Røde Kors", names);
        Assert.Contains("Mental Helse Tromsø", names);
        Assert.DoesNotContain("Kvaløysletta velforening", names);
        Assert.DoesNotContain("Blå Kors Kristiansand", names);
        var redCross = organisations.Single(o => o.GetProperty("slug").GetString() == Demo.RodeKors);
        Assert.Equal("Frivillig", redCross.GetProperty("kind").GetString());
        Assert.Contains("kroken", redCross.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Api_for_unknown_municipality_is_problem_json_404()
    {
        using var response = await app.NewSession().Client.GetAsync("/api/v1/atlantis/organisations");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("atlantis", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_endpoints_answer_healthy_with_the_database_reachable()
    {
        var client = app.NewSession().Client;
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Runs_on_the_provider_asked_for_sqlite_as_a_file_in_wal_mode()
    {
        var (provider, mode) = await app.DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsSqlite() ? "PRAGMA journal_mode;" : "SHOW TimeZone;";
            return (db.Database.ProviderName, (string?)await command.ExecuteScalarAsync());
        });
        if (TestDatabase.IsPostgreSql)
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
            Assert.NotNull(mode);
        }
        else
        {
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", provider);
            Assert.True(File.Exists(app.Database.SqlitePath));
            Assert.Equal("wal", mode);
        }
    }

    [Fact]
    public async Task Openapi_document_describes_the_public_lists()
    {
        var doc = await app.NewSession().Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/{m}/organisations", doc);
        Assert.Contains("/api/v1/{m}/districts", doc);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        using var response = await app.NewSession().Client.GetAsync("/tromso");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/feil/404", 404)]
    [InlineData("/feil/400", 400)]
    [InlineData("/feil/503", 503)]
    [InlineData("/feil/999", 404)]
    [InlineData("/feil/200", 404)]
    [InlineData("/feil/302", 404)]
    [InlineData("/feil/100", 404)]
    [InlineData("/feil/-5", 404)]
    [InlineData("/feil/2147483647", 404)]
    public async Task The_error_page_answers_only_with_error_statuses(string path, int expected)
    {
        using var response = await app.NewSession().Client.GetAsync(path);
        Assert.Equal(expected, (int)response.StatusCode);
    }
}
