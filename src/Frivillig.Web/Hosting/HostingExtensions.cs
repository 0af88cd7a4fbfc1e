using Frivillig.Web.Features.Feeds;
using System.Globalization;
using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Email;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Calendar;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Frivillig.Web.Hosting;

public static class HostingExtensions
{
    public static readonly CultureInfo Norwegian = new("nb-NO");

    public static WebApplicationBuilder AddFrivilligOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FrivilligOptions>().BindConfiguration(FrivilligOptions.Section)
            // An empty value (Frivillig__PublicBaseUrl= in an environment file) means "not set".
            .PostConfigure(o => o.PublicBaseUrl = string.IsNullOrWhiteSpace(o.PublicBaseUrl) ? null : o.PublicBaseUrl)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ContentStore>();
        // The clock of the request's municipality; resolve it only where the route has one.
        builder.Services.AddScoped(sp => MunicipalClock.For(sp.GetRequiredService<TenantContext>().Required, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(FrivilligOptions.Section).Get<FrivilligOptions>() ?? new();
        var configured = builder.Configuration.GetConnectionString("Frivillig");
        if (options.Database == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException("Frivillig:Database is PostgreSql, so ConnectionStrings:Frivillig must name the server, "
                + "for example \"Host=localhost;Database=frivillig;Username=frivillig\".");
        }

        var connectionString = configured ?? "Data Source=App_Data/frivillig.db";
        if (options.Database == DatabaseProvider.Sqlite)
        {
            connectionString = AnchorSqlitePath(connectionString, builder.Environment.ContentRootPath);
        }

        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddSingleton<MunicipalityDirectory>();
        builder.Services.AddAfterCommitEvents();
        builder.Services.AddDbContext<FrivilligDbContext>((sp, db) => db
            .UseFrivilligDatabase(options.Database, connectionString)
            // Features add their own interceptors as IInterceptor services (the calendar's snapshots).
            .AddInterceptors([sp.GetRequiredService<AfterCommitEvents>(), .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]));
        builder.Services.AddOutputCache();
        builder.Services.AddCompressedCache();
        // JSON answers not kept by the compressed cache are compressed as they go (only JSON: pages
        // carry secrets next to reflected input, which compression would expose to BREACH).
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json", "application/problem+json"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.AddHealthChecks().AddDbContextCheck<FrivilligDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>A relative SQLite path means "relative to the app", not to whatever directory it was started from.</summary>
    private static string AnchorSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
        }

        return csb.ToString();
    }

    /// <summary>The sign-in cookie's name; a request carrying it is never answered from the cache of anonymous pages.</summary>
    public const string SignInCookie = "frivillig";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NSM's advice); lockout stops guessing.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<FrivilligDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<NorwegianIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<FrivilligClaimsFactory>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/logg-inn";
            o.LogoutPath = "/konto/logg-ut";
            o.AccessDeniedPath = "/konto/ingen-tilgang";
            o.Cookie.Name = SignInCookie;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            // Signing in on the sign-in page would follow ?ReturnUrl= unchecked (and throw on characters a
            // header cannot carry); the page redirects itself, through AccountLinks.SafeReturnUrl.
            o.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
            // A page the user may not use answers 403 in place (the status page explains), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        var appData = Path.GetFullPath(builder.Configuration[$"{FrivilligOptions.Section}:AppDataPath"] ?? "App_Data", builder.Environment.ContentRootPath);
        // Keys kept on disk so sign-in cookies and emailed links survive a restart.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(appData, "keys"))).SetApplicationName("Frivillig");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<HomeMunicipality>();
        builder.Services.AddFrivilligPolicies();
        return builder;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        // APIs answer with a status code; only pages are redirected to the sign-in form.
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EmailTemplates>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddSingleton<IMailDelivery>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<FrivilligOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupFolderMailDelivery>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailDelivery>(sp));
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        builder.Services.AddRetentionRule<OutboxRetention>();
        builder.Services.AddAfterCommitHandler<MailQueued, OutboxSignal.WakeOnQueued>();
        builder.Services.AddScoped<LinkBuilder>();
        return builder;
    }

    /// <summary>The live calendar hub, its journal, and the Redis backplane when configured.</summary>
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Realtime.LiveJournal>();
        builder.Services.AddOptions<Realtime.RealtimeOptions>().BindConfiguration(Realtime.RealtimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Realtime.HubAdmission>();
        // Every open connection is a file handle. Past the process's limit, accept() fails and any
        // file the app opens (the database, keys) fails with it; so Kestrel stops short of it and
        // refuses the surplus instead, unless Kestrel:Limits:MaxConcurrentConnections says otherwise.
        if (builder.Configuration["Kestrel:Limits:MaxConcurrentConnections"] is null && OpenFilesLimit() is > 2048 and var files)
        {
            builder.WebHost.ConfigureKestrel(o => o.Limits.MaxConcurrentConnections = files - 1024);
        }

        var signalR = builder.Services.AddSignalR();
        // With Redis configured, hub messages reach clients connected to any instance.
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("frivillig"));
        }

        return builder;
    }

    /// <summary>The soft limit on open files from /proc/self/limits (Linux), or null where there is none to read.</summary>
    private static long? OpenFilesLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        // A filter or search field pasted full of text makes a long address. The app answers it with a
        // message (beside the field, or problem+json), which Kestrel's 8 KB request line would refuse
        // first with an empty 414; 64 KB lets it through, unless Kestrel:Limits:MaxRequestLineSize is set.
        if (builder.Configuration["Kestrel:Limits:MaxRequestLineSize"] is null)
        {
            builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 64 * 1024);
        }

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Norwegian letters as themselves in the HTML, not as &#xF8; (screen readers and search read both, people prefer one).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services
            // Each feature's module adds its own page conventions (policies on its folders, extra routes).
            .AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                NorwegianModelBinding.Configure(o.ModelBindingMessageProvider);
                o.ModelMetadataDetailsProviders.Add(new NonNullableStrings());
                o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            });
        builder.Services.AddProblemDetails();
        builder.Services.AddFrivilligRateLimiting(builder.Configuration);
        builder.Services.AddFrivilligOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Norwegian letters as themselves; <, >, &, ' and " escaped, so echoed input can never be markup.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Norwegian);
            o.SupportedCultures = [Norwegian];
            o.SupportedUICultures = [Norwegian];
        });
        return builder;
    }

    private static Task ApiProblemAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var title = status switch
        {
            StatusCodes.Status400BadRequest => "Ugyldig forespørsel",
            StatusCodes.Status401Unauthorized => "Du må logge inn",
            StatusCodes.Status403Forbidden => "Ingen tilgang",
            StatusCodes.Status404NotFound => "Finnes ikke",
            StatusCodes.Status405MethodNotAllowed => "Metoden er ikke tillatt",
            StatusCodes.Status429TooManyRequests => "For mange forespørsler",
            _ => null,
        };
        return Results.Problem(statusCode: status, title: title).ExecuteAsync(context.HttpContext);
    }

    public static WebApplication UseFrivilligPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/feil");
            app.UseHsts();
        }

        // What is kept for everyone is answered first, with the headers every answer carries (below).
        app.UseCompressedCacheEarly();
        // An error without a body gets one: the API's clients read problem+json (404 for a route that does not
        // exist, 405, a 400 from a binder), people read the error page.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ApiProblemAsync));
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/feil/{0}"));
        app.UseMiddleware<UnreadableRequests>();
        app.Use(async (context, next) =>
        {
            SetSecurityHeaders(context.Response);
            // A NUL byte means nothing in any parameter, and PostgreSQL cannot store or compare it.
            // Kestrel refuses it in the path and the form reader in bodies; the query string is left to us.
            if (context.Request.QueryString.Value is { } query && (query.Contains("%00", StringComparison.Ordinal) || query.Contains('\0', StringComparison.Ordinal)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig forespørsel", detail: "Adressen inneholder et NUL-tegn.").ExecuteAsync(context);
                }

                return;
            }

            await next();
        });
        // Admission to the live hub comes before anything that keeps state for the life of a request.
        var admission = app.Services.GetRequiredService<Realtime.HubAdmission>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Realtime.CalendarHub.Path), branch => branch.Use(admission.InvokeAsync));
        app.UseRequestLocalization();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), branch => branch.UseResponseCompression());
        app.UseStaticFiles();
        app.UseHeadForFeeds();
        app.UseRouting();
        app.UseMiddleware<TenantResolutionMiddleware>();
        // OpenIddict answers the token endpoint inside authentication, so its limit applies before it.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/connect/token"), branch => branch.UseRateLimiter());
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Use((context, next) =>
        {
            // A signed-in person's pages outside any municipality keep the one they were using in the header.
            if (context.User.Identity?.IsAuthenticated == true && context.RequestServices.GetRequiredService<TenantContext>().Municipality is { } municipality
                && !context.Request.Path.StartsWithSegments("/api"))
            {
                HomeMunicipality.Remember(context, municipality.Slug);
            }

            return next();
        });
        app.UseOutputCache();
        app.UseCompressedCache();
        return app;
    }

    /// <summary>The headers every answer carries: no sniffing, referrers kept to the site, and a policy allowing only the site's own files.</summary>
    public static void SetSecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    }

    /// <summary>What belongs to no one feature: pages (each feature's own), the hub, OpenAPI, health, OpenID Connect.</summary>
    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHub<Realtime.CalendarHub>(Realtime.CalendarHub.Path);
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenIdConnect();
        return app;
    }
}
