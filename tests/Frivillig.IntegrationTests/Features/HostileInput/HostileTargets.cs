using System.Globalization;
using Frivillig.IntegrationTests.Features.Activities;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Pages = Frivillig.Web.Features;

namespace Frivillig.IntegrationTests.Features.HostileInput;

/// <summary>A form to post: who posts it, the page that carries it, where it goes, and valid values for each field.</summary>
public sealed record FormRequest(string? Account, string FormPage, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>One POST handler of a page (Handler "" is plain OnPost), and how to reach it with a valid form.</summary>
public sealed record FormTarget(Type Page, string Handler, Func<FrivilligApp, Task<FormRequest>> Arrange)
{
    public string Name => $"{Page.Namespace?.Split('.').Last()}.{Page.Name}{(Handler.Length > 0 ? "." + Handler : string.Empty)}";
}

/// <summary>A GET to walk: the path, the query parameters it reads, and the path with a hostile segment in it.</summary>
public sealed record GetRequest(string? Account, string Path, IReadOnlyList<string> Parameters, Func<string, string>? WithSegment = null);

/// <summary>An endpoint as routing knows it (its route template), and how to call it.</summary>
public sealed record GetTarget(string Route, Func<FrivilligApp, Task<GetRequest>> Arrange);

/// <summary>
/// A feature's forms and endpoints for the hostile-input walk. Each feature keeps its own set in its
/// test folder (a class implementing this); the walk finds every set.
/// <see cref="HostileInputWalkTests.Every_form_and_endpoint_is_in_the_walk"/> fails until a new form
/// or endpoint is in one.
/// </summary>
public interface IHostileTargetSet
{
    IEnumerable<FormTarget> Forms { get; }

    IEnumerable<GetTarget> Gets { get; }

    /// <summary>POST endpoints that are not pages, with valid fields.</summary>
    IEnumerable<(string Path, IReadOnlyList<KeyValuePair<string, string>> Fields)> Posts => [];

    /// <summary>Routes left out, each for a reason given beside it.</summary>
    IEnumerable<string> NotWalked => [];
}

/// <summary>Every set, as the walk sees them.</summary>
public static class HostileTargets
{
    private static readonly IHostileTargetSet[] Sets = [.. typeof(HostileTargets).Assembly.GetTypes()
        .Where(t => typeof(IHostileTargetSet).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
        .Select(t => (IHostileTargetSet)Activator.CreateInstance(t)!)];

    public static IReadOnlyList<FormTarget> Forms { get; } = [.. Sets.SelectMany(s => s.Forms)];

    public static IReadOnlyList<GetTarget> Gets { get; } = [.. Sets.SelectMany(s => s.Gets)];

    public static IReadOnlyList<(string Path, IReadOnlyList<KeyValuePair<string, string>> Fields)> Posts { get; } = [.. Sets.SelectMany(s => s.Posts)];

    public static IReadOnlySet<string> NotWalked { get; } = Sets.SelectMany(s => s.NotWalked).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The forms and endpoints of the platform and the first features: accounts, organisations, administration, activities, calendar, feeds.</summary>
public sealed class PlatformTargets : IHostileTargetSet
{
    IEnumerable<FormTarget> IHostileTargetSet.Forms => Forms;

    IEnumerable<GetTarget> IHostileTargetSet.Gets => Gets;

    IEnumerable<(string Path, IReadOnlyList<KeyValuePair<string, string>> Fields)> IHostileTargetSet.Posts => Posts;

    IEnumerable<string> IHostileTargetSet.NotWalked => NotWalked;

    private const string Coordinator = Demo.Coordinator;
    private const string MunicipalityAdmin = Demo.TromsoAdmin;
    private const string PlatformAdmin = Demo.PlatformAdmin;
    private const string Volunteer = Demo.Volunteer;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    internal static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    internal static async Task<(int OrgId, int ActivityId, long Date)> SeriesAsync(FrivilligApp app, string title)
    {
        var (id, date) = await new ActivityBuilder(title, 1000, Frequency: RecurrenceFrequency.Weekly, Count: 10).SaveAsync(app);
        return (await app.OrganisationIdAsync(Demo.RodeKors), id, date);
    }

    private static async Task<int> PendingOrganisationAsync(FrivilligApp app, string slug) => await app.DbAsync(async db =>
    {
        var tromso = await db.Municipalities.SingleAsync(m => m.Slug == "tromso");
        var organisation = new Organisation
        {
            MunicipalityId = tromso.Id, Slug = slug, Name = "Venter " + slug, ContactName = "Kontakt", ContactEmail = "kontakt@eksempel.no",
            CreatedAt = app.Clock.GetUtcNow(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    internal static async Task<string> DistrictIdAsync(FrivilligApp app, string slug = "tromsoya") =>
        Id(await app.DbAsync(db => db.Districts.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync()));

    private static readonly IReadOnlyList<FormTarget> Forms =
    [
        new(typeof(Pages.Activities.DetailsModel), "SignUp", async app =>
        {
            var (_, id, date) = await SeriesAsync(app, "Påmeldingsmål");
            return new(null, $"/tromso/aktiviteter/{id}", $"/tromso/aktiviteter/{id}?handler=SignUp",
                Fields(("Input.Date", date.ToString(CultureInfo.InvariantCulture)), ("Input.Name", "Ola Nordmann"), ("Input.Email", "ola@eksempel.no"), ("Input.Phone", "912 34 567")));
        }),
        new(typeof(Pages.Activities.SignUpReceiptModel), "Cancel", async app =>
        {
            var (_, id, date) = await SeriesAsync(app, "Avmeldingsmål");
            var signUp = await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp",
                Fields(("Input.Date", date.ToString(CultureInfo.InvariantCulture)), ("Input.Name", "Kari"), ("Input.Phone", "912 34 567")));
            var receipt = (await WebSession.AssertRedirectAsync(signUp)).OriginalString;
            return new(null, receipt, $"{receipt}?handler=Cancel", Fields(("bekreftet", "ja")));
        }),
        new(typeof(Pages.Activities.Manage.EditModel), "Save", async app =>
        {
            var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/ny";
            return new(Coordinator, page, $"{page}?handler=Save", await new ActivityForm { Title = "Walk", Capacity = "10", DropIn = false }.FieldsAsync(app));
        }),
        new(typeof(Pages.Activities.Manage.CancelModel), "CancelActivity", async app =>
        {
            var (orgId, id, _) = await SeriesAsync(app, "Avlysningsmål");
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/avlys";
            return new(Coordinator, page, $"{page}?handler=CancelActivity", Fields(("bekreftet", "ja")));
        }),
        new(typeof(Pages.Activities.Manage.CancelModel), "Delete", async app =>
        {
            var (orgId, id, _) = await SeriesAsync(app, "Slettemål");
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/avlys";
            return new(Coordinator, page, $"{page}?handler=Delete", Fields(("bekreftet", "ja")));
        }),
        new(typeof(Pages.Activities.Manage.DatesModel), "CancelDate", async app =>
        {
            var (orgId, id, date) = await SeriesAsync(app, "Datoavlysningsmål");
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/datoer";
            return new(Coordinator, page, $"{page}?handler=CancelDate", Fields(("date", date.ToString(CultureInfo.InvariantCulture)), ("note", "Stengt"), ("bekreftet", "ja")));
        }),
        new(typeof(Pages.Activities.Manage.DatesModel), "RestoreDate", async app =>
        {
            var (orgId, id, date) = await SeriesAsync(app, "Gjenopprettingsmål");
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/datoer";
            return new(Coordinator, page, $"{page}?handler=RestoreDate", Fields(("date", date.ToString(CultureInfo.InvariantCulture))));
        }),
        new(typeof(Pages.Activities.Manage.DatesModel), "MoveDate", async app =>
        {
            var (orgId, id, date) = await SeriesAsync(app, "Flyttemål");
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/datoer";
            return new(Coordinator, page, $"{page}?handler=MoveDate", Fields(("date", date.ToString(CultureInfo.InvariantCulture)),
                ("newDate", app.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("newStart", "17:00"), ("newEnd", "19:00"), ("note", "Nytt rom")));
        }),
        new(typeof(Pages.Admin.MunicipalityAdminModel), "Approve", async app =>
        {
            var id = await PendingOrganisationAsync(app, "walk-godkjenn");
            return new(MunicipalityAdmin, "/tromso/admin", "/tromso/admin?handler=Approve", Fields(("organisationId", Id(id)), ("organisationKind", "Frivillig"), ("bekreftet", "ja")));
        }),
        new(typeof(Pages.Admin.MunicipalityAdminModel), "Reject", async app =>
        {
            var id = await PendingOrganisationAsync(app, "walk-avslag");
            return new(MunicipalityAdmin, "/tromso/admin", "/tromso/admin?handler=Reject", Fields(("organisationId", Id(id)), ("note", "Mangler opplysninger"), ("bekreftet", "ja")));
        }),
        new(typeof(Pages.Admin.MunicipalityAdminModel), "GrantRole", _ =>
            Task.FromResult(new FormRequest(MunicipalityAdmin, "/tromso/admin", "/tromso/admin?handler=GrantRole", Fields(("Grant.Email", Volunteer), ("Grant.Role", "PremisesManager"))))),
        new(typeof(Pages.Admin.MunicipalityAdminModel), "AddDistrict", _ =>
            Task.FromResult(new FormRequest(MunicipalityAdmin, "/tromso/admin", "/tromso/admin?handler=AddDistrict", Fields(("NewDistrict.Name", "Walkby"), ("NewDistrict.Kind", "Bydel"))))),
        new(typeof(Pages.Admin.MunicipalitiesModel), string.Empty, _ =>
            Task.FromResult(new FormRequest(PlatformAdmin, "/admin/kommuner", "/admin/kommuner", Fields(("Input.Name", "Walkvik"), ("Input.Slug", "walkvik"), ("Input.AdminEmail", Volunteer))))),
        new(typeof(Pages.Home.ErrorModel), string.Empty, _ => Task.FromResult(new FormRequest(null, "/", "/feil/400", Fields(("a", "b"))))),
        new(typeof(Pages.Accounts.MyPageModel), "CalendarLink", _ => Task.FromResult(new FormRequest(Volunteer, "/konto", "/konto?handler=CalendarLink", Fields(("bekreftet", "ja"))))),
        new(typeof(Pages.Accounts.LogoutModel), string.Empty, _ => Task.FromResult(new FormRequest(Demo.Member, "/konto/logg-ut", "/konto/logg-ut", []))),
        new(typeof(Pages.Accounts.ResetPasswordModel), string.Empty, _ => Task.FromResult(new FormRequest(null, "/konto/nytt-passord?code=abc", "/konto/nytt-passord",
            Fields(("Input.Email", "ingen@eksempel.no"), ("Input.Code", "abc"), ("Input.Password", "Et-langt-passord-1"), ("Input.ConfirmPassword", "Et-langt-passord-1"))))),
        new(typeof(Pages.Accounts.RegisterModel), string.Empty, _ => Task.FromResult(new FormRequest(null, "/konto/registrer", "/konto/registrer",
            Fields(("Input.DisplayName", "Walk Walker"), ("Input.Email", "walk@eksempel.no"), ("Input.Password", "Et-langt-passord-1"), ("Input.ConfirmPassword", "Et-langt-passord-1"))))),
        new(typeof(Pages.Accounts.ForgotPasswordModel), string.Empty, _ => Task.FromResult(new FormRequest(null, "/konto/glemt-passord", "/konto/glemt-passord", Fields(("Input.Email", "ingen@eksempel.no"))))),
        new(typeof(Pages.Accounts.AcceptInvitationModel), string.Empty, _ => Task.FromResult(new FormRequest(Volunteer, "/konto/invitasjon/ukjent-token-0123456789", "/konto/invitasjon/ukjent-token-0123456789", []))),
        new(typeof(Pages.Accounts.LoginModel), string.Empty, _ => Task.FromResult(new FormRequest(null, "/konto/logg-inn", "/konto/logg-inn",
            Fields(("Input.Email", "ingen.walk@eksempel.no"), ("Input.Password", "Feil-passord-123"), ("Input.RememberMe", "false"), ("ReturnUrl", "/tromso"))))),
        new(typeof(Pages.Organisations.Manage.InviteModel), string.Empty, async app =>
        {
            var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
            return new(Coordinator, $"/tromso/organisasjoner/{orgId}/inviter", $"/tromso/organisasjoner/{orgId}/inviter", Fields(("Invite.Email", "ny.walk@eksempel.no"), ("Invite.Role", "Member")));
        }),
        new(typeof(Pages.Organisations.RegisterModel), string.Empty, async app => new(Volunteer, "/tromso/organisasjoner/ny", "/tromso/organisasjoner/ny",
            Fields(("Input.Name", "Walk-lag"), ("Input.Kind", "Frivillig"), ("Input.OrganisationNumber", "923 609 016"), ("Input.Description", "Om oss"),
                ("Input.ContactName", "Kontakt"), ("Input.ContactEmail", "kontakt@eksempel.no"), ("Input.ContactPhone", "912 34 567"), ("Input.Website", "https://eksempel.no"),
                ("Input.DistrictIds", await DistrictIdAsync(app))))),
    ];

    private static readonly string[] CalendarParameters = ["district", "category", "target", "from", "to", "q", "dropin", "visning", "side"];

    private static readonly IReadOnlyList<GetTarget> Gets =
    [
        new(string.Empty, _ => Task.FromResult(new GetRequest(null, "/", []))),
        new("{m}", _ => Task.FromResult(new GetRequest(null, "/tromso", CalendarParameters, s => "/" + s))),
        new("{m}/utskrift", _ => Task.FromResult(new GetRequest(null, "/tromso/utskrift?district=tromsoya", CalendarParameters, s => $"/{s}/utskrift"))),
        new("{m}/admin", _ => Task.FromResult(new GetRequest(MunicipalityAdmin, "/tromso/admin", [], s => $"/{s}/admin"))),
        new("admin/kommuner", _ => Task.FromResult(new GetRequest(PlatformAdmin, "/admin/kommuner", []))),
        new("feil/{code:int:range(400,599)?}", _ => Task.FromResult(new GetRequest(null, "/feil/404", ["code"], s => $"/feil/{s}"))),
        new("{m}/aktiviteter/{id:int}", async app =>
        {
            var (_, id, _) = await SeriesAsync(app, "Sidemål");
            return new GetRequest(null, $"/tromso/aktiviteter/{id}", [], s => $"/tromso/aktiviteter/{s}");
        }),
        new("{m}/organisasjoner/{orgId:int}/aktiviteter", async app =>
            new GetRequest(Coordinator, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}/aktiviteter", [], s => $"/tromso/organisasjoner/{s}/aktiviteter")),
        new("{m}/pamelding/{token}", _ => Task.FromResult(new GetRequest(null, "/tromso/pamelding/ukjent", [], s => $"/tromso/pamelding/{s}"))),
        new("{m}/organisasjoner/{orgId:int}/aktiviteter/ny", async app =>
            new GetRequest(Coordinator, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}/aktiviteter/ny", [], s => $"/tromso/organisasjoner/{s}/aktiviteter/ny")),
        new("{m}/organisasjoner/{orgId:int}/aktiviteter/{id:int}", async app =>
        {
            var (orgId, id, _) = await SeriesAsync(app, "Redigeringsmål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}", [], s => $"/tromso/organisasjoner/{orgId}/aktiviteter/{s}");
        }),
        new("{m}/organisasjoner/{orgId:int}/aktiviteter/{id:int}/datoer", async app =>
        {
            var (orgId, id, _) = await SeriesAsync(app, "Datosidemål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/datoer", [], s => $"/tromso/organisasjoner/{orgId}/aktiviteter/{s}/datoer");
        }),
        new("{m}/organisasjoner/{orgId:int}/aktiviteter/{id:int}/pameldte", async app =>
        {
            var (orgId, id, _) = await SeriesAsync(app, "Påmeldtesidemål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte", ["handler"], s => $"/tromso/organisasjoner/{orgId}/aktiviteter/{s}/pameldte");
        }),
        new("{m}/organisasjoner/{orgId:int}/aktiviteter/{id:int}/avlys", async app =>
        {
            var (orgId, id, _) = await SeriesAsync(app, "Avlysningssidemål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/avlys", [], s => $"/tromso/organisasjoner/{orgId}/aktiviteter/{s}/avlys");
        }),
        new("{m}/organisasjoner/{orgId:int}/inviter", async app =>
            new GetRequest(Coordinator, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}/inviter", [], s => $"/tromso/organisasjoner/{s}/inviter")),
        new("konto/glemt-passord", _ => Task.FromResult(new GetRequest(null, "/konto/glemt-passord", []))),
        new("konto/ingen-tilgang", _ => Task.FromResult(new GetRequest(null, "/konto/ingen-tilgang", []))),
        new("konto/logg-ut", _ => Task.FromResult(new GetRequest(Volunteer, "/konto/logg-ut", ["client_id", "post_logout_redirect_uri", "state", "id_token_hint"]))),
        new("konto", _ => Task.FromResult(new GetRequest(Volunteer, "/konto", []))),
        new("konto/invitasjon/{token}", _ => Task.FromResult(new GetRequest(Volunteer, "/konto/invitasjon/ukjent", [], s => $"/konto/invitasjon/{s}"))),
        new("konto/bekreft-epost", _ => Task.FromResult(new GetRequest(null, "/konto/bekreft-epost", ["userId", "code"]))),
        new("konto/registrer", _ => Task.FromResult(new GetRequest(null, "/konto/registrer", ["returnUrl"]))),
        new("konto/logg-inn", _ => Task.FromResult(new GetRequest(null, "/konto/logg-inn", ["returnUrl"]))),
        new("konto/nytt-passord", _ => Task.FromResult(new GetRequest(null, "/konto/nytt-passord", ["code"]))),
        new("{m}/organisasjoner/{id:int}", async app =>
            new GetRequest(null, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}", [], s => $"/tromso/organisasjoner/{s}")),
        new("{m}/organisasjoner/ny", _ => Task.FromResult(new GetRequest(Volunteer, "/tromso/organisasjoner/ny", [], s => $"/{s}/organisasjoner/ny"))),
        new("{m}/organisasjoner", _ => Task.FromResult(new GetRequest(null, "/tromso/organisasjoner", [], s => $"/{s}/organisasjoner"))),
        new("/api/v1/municipalities", _ => Task.FromResult(new GetRequest(null, "/api/v1/municipalities", ["q"]))),
        new("/api/v1/{m}/districts", _ => Task.FromResult(new GetRequest(null, "/api/v1/tromso/districts", [], s => $"/api/v1/{s}/districts"))),
        new("/api/v1/{m}/organisations", _ => Task.FromResult(new GetRequest(null, "/api/v1/tromso/organisations", [], s => $"/api/v1/{s}/organisations"))),
        new("/api/v1/{m}/activities", _ => Task.FromResult(new GetRequest(null, "/api/v1/tromso/activities", ["from", "to", "district", "category", "target", "dropin", "q"], s => $"/api/v1/{s}/activities"))),
        new("/ical/{m}.ics", _ => Task.FromResult(new GetRequest(null, "/ical/tromso.ics", [], s => $"/ical/{s}.ics"))),
        new("/ical/{m}/districts/{slug}.ics", _ => Task.FromResult(new GetRequest(null, "/ical/tromso/districts/tromsoya.ics", [], s => $"/ical/tromso/districts/{s}.ics"))),
        new("/ical/{m}/organisations/{slug}.ics", _ => Task.FromResult(new GetRequest(null, "/ical/tromso/organisations/rode-kors-tromso.ics", [], s => $"/ical/tromso/organisations/{s}.ics"))),
        new("/ical/{m}/categories/{slug}.ics", _ => Task.FromResult(new GetRequest(null, "/ical/tromso/categories/laering.ics", [], s => $"/ical/tromso/categories/{s}.ics"))),
        new("/ical/{m}/activities/{id:int}.ics", async app =>
        {
            var (_, id, _) = await SeriesAsync(app, "Feedmål");
            return new GetRequest(null, $"/ical/tromso/activities/{id}.ics", [], s => $"/ical/tromso/activities/{s}.ics");
        }),
        new("/ical/me/{token}.ics", _ => Task.FromResult(new GetRequest(null, "/ical/me/ukjent-token-som-er-langt-nok.ics", [], s => $"/ical/me/{s}.ics"))),
        new("/{m}/aktiviteter/{id:int}/kalender/{ticks:long}.ics", async app =>
        {
            var (_, id, date) = await SeriesAsync(app, "Enkeltdatomål");
            return new GetRequest(null, $"/tromso/aktiviteter/{id}/kalender/{date}.ics", [], s => $"/tromso/aktiviteter/{id}/kalender/{s}.ics");
        }),
        new("/connect/authorize", _ => Task.FromResult(new GetRequest(Volunteer, "/connect/authorize",
            ["client_id", "response_type", "redirect_uri", "scope", "code_challenge", "code_challenge_method", "state", "nonce", "prompt"]))),
        new("/connect/userinfo", _ => Task.FromResult(new GetRequest(null, "/connect/userinfo", ["access_token"]))),
        new("/connect/logout", _ => Task.FromResult(new GetRequest(null, "/connect/logout", ["id_token_hint", "post_logout_redirect_uri", "state", "client_id"]))),
    ];

    /// <summary>POST endpoints that are not pages: the OpenID Connect endpoints, whose reader is OpenIddict's own.</summary>
    private static readonly IReadOnlyList<(string Path, IReadOnlyList<KeyValuePair<string, string>> Fields)> Posts =
    [
        ("/connect/token", Fields(("grant_type", "authorization_code"), ("code", "abc"), ("client_id", "frivillig-app"), ("redirect_uri", "http://frivillig.test/signin-oidc"), ("code_verifier", "v"))),
        ("/connect/authorize", Fields(("client_id", "frivillig-app"), ("response_type", "code"), ("redirect_uri", "http://frivillig.test/signin-oidc"), ("scope", "openid"))),
        ("/connect/userinfo", Fields(("access_token", "abc"))),
        ("/connect/logout", Fields(("post_logout_redirect_uri", "http://frivillig.test/"), ("state", "s"))),
    ];

    /// <summary>Endpoints outside the walk, each for a reason: the hub has its own hostile-scope tests; the rest take no input.</summary>
    private static readonly IReadOnlySet<string> NotWalked = new HashSet<string>(StringComparer.Ordinal)
    {
        "/hubs/calendar", "/hubs/calendar/negotiate", "/health/live", "/health/ready", "/openapi/{documentName}.json",
    };
}
