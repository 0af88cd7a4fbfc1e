using System.Net;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Hosting;

/// <summary>What an operator meets: links that an attacker's Host header cannot change, and clear errors for incomplete configuration.</summary>
public sealed class DeploymentTests
{
    [Fact]
    public async Task Without_a_public_base_url_mail_links_ignore_the_requests_host_header()
    {
        using var app = new FrivilligApp().With("Frivillig:PublicBaseUrl", string.Empty);
        var session = app.NewSession();
        var form = await session.GetHtmlAsync("/konto/glemt-passord");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/glemt-passord")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Demo.Volunteer,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value),
            }),
        };
        request.Headers.Host = "evil.example";
        using var response = await session.Client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var mail = await app.Mail.WaitForAsync(Demo.Volunteer);
        Assert.DoesNotContain("evil.example", mail.TextBody);
        Assert.Contains("http://localhost", mail.TextBody);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_stops_with_a_message_that_says_what_to_set()
    {
        using var app = new FrivilligApp().With("Frivillig:Database", "PostgreSql").With("ConnectionStrings:Frivillig", string.Empty);
        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("ConnectionStrings:Frivillig", error.ToString());
    }

    [Fact]
    public async Task An_unreadable_body_at_the_token_endpoint_is_a_400()
    {
        using var app = new FrivilligApp();
        using var response = await app.NewSession().Client.PostAsync("/connect/token",
            new ByteArrayContent("grant_type=a%00b"u8.ToArray()) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
