using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Frivillig.IntegrationTests.Features.Accounts;

public sealed class OpenIdConnectTests(SystemClockApp app) : IClassFixture<SystemClockApp>
{
    private const string RedirectUri = "http://frivillig.test/signin-oidc";

    /// <summary>Codes and tokens OpenIddict has stored, all of them or those with one status.</summary>
    private Task<int> StoredTokensAsync(string? status = null) =>
        app.DbAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => status == null || t.Status == status));

    [Fact]
    public async Task Discovery_document_names_the_endpoints_and_pkce()
    {
        var doc = await app.NewSession().Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.EndsWith("/connect/authorize", doc.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/token", doc.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/userinfo", doc.GetProperty("userinfo_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Equal(["S256"], doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(null)] // no method means plain (RFC 7636 § 4.3)
    public async Task A_plain_code_challenge_is_refused(string? method)
    {
        var session = await app.SignInAsync(Demo.Volunteer);
        var before = await StoredTokensAsync();
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = "frivillig-app", ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid",
            ["code_challenge"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ", ["state"] = "s",
        };
        if (method is not null)
        {
            parameters["code_challenge_method"] = method;
        }

        using var response = await session.Client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", parameters));
        var query = response.Headers.Location is { } location ? QueryHelpers.ParseQuery(location.Query) : [];
        Assert.False(query.ContainsKey("code"), $"a code was issued for code_challenge_method={method ?? "(none)"}");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || query.ContainsKey("error"), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, await StoredTokensAsync());
    }

    private static async Task<bool> SignedInAsync(WebSession session)
    {
        using var response = await session.Client.GetAsync("/konto");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task A_plain_get_to_logout_asks_first_and_signs_nobody_out()
    {
        var session = await app.SignInAsync(Demo.Volunteer);
        using var response = await session.Client.GetAsync("/connect/logout?post_logout_redirect_uri=http%3A%2F%2Ffrivillig.test%2F&state=abc");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logg-ut", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await SignedInAsync(session));

        // The page asks, and its form posts back to /connect/logout with the same parameters and a token.
        var page = await session.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("action=\"/connect/logout\"", page);
        Assert.Contains("name=\"post_logout_redirect_uri\" value=\"http://frivillig.test/\"", page);
        using var posted = await session.PostFormAsync("/connect/logout", new()
        {
            ["post_logout_redirect_uri"] = "http://frivillig.test/", ["state"] = "abc",
        }, formPage: response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("http://frivillig.test/", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(await SignedInAsync(session));
    }

    [Fact]
    public async Task A_post_to_logout_without_the_antiforgery_token_signs_nobody_out()
    {
        var session = await app.SignInAsync(Demo.Volunteer);
        using var response = await session.Client.PostAsync("/connect/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await SignedInAsync(session));
    }

    [Fact]
    public async Task Logout_with_the_persons_own_id_token_hint_signs_out_at_once()
    {
        var session = await app.SignInAsync(Demo.Volunteer);
        var idToken = await IdTokenAsync(session);
        using var response = await session.Client.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken, ["post_logout_redirect_uri"] = "http://frivillig.test/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await SignedInAsync(session));

        // Someone else's id token names another person: it proves nothing about this session.
        var other = await app.SignInAsync(Demo.Member);
        using var foreign = await other.Client.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?> { ["id_token_hint"] = idToken }));
        Assert.True(await SignedInAsync(other));
    }

    private async Task<string> IdTokenAsync(WebSession session)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var coded = await session.Client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "frivillig-app", ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }));
        var code = QueryHelpers.ParseQuery(coded.Headers.Location!.Query)["code"].ToString();
        using var token = await app.NewSession().Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = "frivillig-app", ["code_verifier"] = verifier,
        }));
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString()!;
    }

    [Fact]
    public async Task Authorization_code_with_pkce_signs_in_through_the_ordinary_form()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "frivillig-app", ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid email profile",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "xyz",
        });

        // Not signed in: sent to the sign-in form.
        using (var anonymous = await app.NewSession().Client.GetAsync(authorize))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/konto/logg-inn", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var session = await app.SignInAsync(Demo.Volunteer);
        using var coded = await session.Client.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, coded.StatusCode);
        var callback = coded.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("xyz", query["state"].ToString());
        var redeemed = await StoredTokensAsync(Statuses.Redeemed);

        using var token = await app.NewSession().Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"].ToString(), ["redirect_uri"] = RedirectUri,
            ["client_id"] = "frivillig-app", ["code_verifier"] = verifier,
        }));
        var tokens = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.IsSuccessStatusCode, tokens.ToString());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("id_token").GetString()));
        // The code is marked redeemed where it is stored, so it cannot be exchanged a second time.
        Assert.Equal(redeemed + 1, await StoredTokensAsync(Statuses.Redeemed));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var userinfo = await app.NewSession().Client.SendAsync(request);
        var claims = await userinfo.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Demo.Volunteer, claims.GetProperty("email").GetString());
        Assert.Equal("Frida Frivillig", claims.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_wrong_code_verifier_gets_no_token()
    {
        var session = await app.SignInAsync(Demo.Volunteer);
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes("rett-verifier-som-er-lang-nok-0123456789abcdef")));
        using var coded = await session.Client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "frivillig-app", ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }));
        var code = QueryHelpers.ParseQuery(coded.Headers.Location!.Query)["code"].ToString();
        var before = await StoredTokensAsync();
        var redeemed = await StoredTokensAsync(Statuses.Redeemed);
        using var token = await app.NewSession().Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = "frivillig-app",
            ["code_verifier"] = "feil-verifier-som-er-lang-nok-0123456789abcdef",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Equal(before, await StoredTokensAsync());
        Assert.Equal(redeemed, await StoredTokensAsync(Statuses.Redeemed));
    }

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}
