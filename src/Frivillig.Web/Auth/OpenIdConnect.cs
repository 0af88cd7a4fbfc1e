using System.Security.Claims;
using Frivillig.Web.Features.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Frivillig.Web.Auth;

/// <summary>
/// The app's own OpenID Connect provider (OpenIddict): authorization code with PKCE, refresh tokens,
/// userinfo and end-session. The person signs in with the ordinary sign-in form; the authorize
/// endpoint then issues the code for that identity.
/// </summary>
public static class OpenIdConnect
{
    public const string AppClientId = "frivillig-app";

    public static WebApplicationBuilder AddOpenIdConnectProvider(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<FrivilligDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                // S256 only: "plain" sends the verifier itself as the challenge (RFC 7636 § 7.2), and a
                // request without a method means plain, so it is refused too.
                o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess);
                // Ephemeral keys: tokens do not survive a restart. Production needs persisted certificates (noted in the README).
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!builder.Environment.IsProduction())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenIdConnect(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).ExcludeFromDescription();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoAsync).ExcludeFromDescription();
        app.MapMethods("/connect/logout", ["GET", "POST"], LogoutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<AppUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded || await users.GetUserAsync(signedIn.Principal) is not { } user)
        {
            // Not signed in: the ordinary sign-in form, then back here with the same request.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                [IdentityConstants.ApplicationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.DisplayName);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Email when identity.HasScope(claim.Type == Claims.Name ? Scopes.Profile : Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Signs out only when the request proves it comes from the person's own client: an RP-initiated
    /// request whose id_token_hint (checked by OpenIddict) names the signed-in person, or a POST with
    /// this site's antiforgery token. Anything else (a link or image on another site) is shown the
    /// sign-out page, which asks first and posts back here with the same parameters.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery)
    {
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var userId = signedIn.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var confirmed = (hint.Principal?.GetClaim(Claims.Subject) is { } subject && subject == userId)
            || (HttpMethods.IsPost(http.Request.Method) && await antiforgery.IsRequestValidAsync(http));
        if (!confirmed && userId is not null)
        {
            return Results.Redirect("/konto/logg-ut" + http.Request.QueryString);
        }

        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<AppUser> users)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal?.GetClaim(Claims.Subject) is not { } subject || await users.FindByIdAsync(subject) is not { } user)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?> { [Claims.Subject] = user.Id };
        if (result.Principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (result.Principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
        }

        return Results.Ok(claims);
    }

    /// <summary>The public client for the app's own front ends (PKCE, no secret), registered at start-up.</summary>
    public static async Task RegisterClientsAsync(IServiceProvider services, string? publicBaseUrl)
    {
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        if (await manager.FindByClientIdAsync(AppClientId) is not null)
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = AppClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Frivillig",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var baseUrl in new[] { publicBaseUrl, "http://localhost:5080" }.Where(u => !string.IsNullOrEmpty(u)).Distinct())
        {
            descriptor.RedirectUris.Add(new Uri(baseUrl!.TrimEnd('/') + "/signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(baseUrl.TrimEnd('/') + "/"));
        }

        await manager.CreateAsync(descriptor);
    }
}
