using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Api;

/// <summary>Whatever goes wrong under /api, the client gets problem+json with the status, never the HTML error page or an empty body.</summary>
public sealed class ApiErrorTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Theory]
    [InlineData("GET", "/api/v1/tromso/premises/abc", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/tromso/premises/99999999999", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/tromso/volunteer-roles/1", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/tromso/finnes-ikke", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/finnes-ikke", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/tromso/premises", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/api/v1/tromso/premises", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/api/v1/tromso/premises", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/tromso/activities?from=1%00", HttpStatusCode.BadRequest)]
    public async Task Api_errors_are_problem_json(string method, string url, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await app.NewSession().Client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Pages_keep_the_html_error_page()
    {
        using var response = await app.NewSession().Client.GetAsync("/tromso/finnes-ikke/her");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
