using System.Globalization;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Pages = Frivillig.Web.Features;

namespace Frivillig.IntegrationTests.Features.HostileInput;

/// <summary>
/// The forms and endpoints residents and staff find their way by: the statements, pictures, posters,
/// sign-up lists, Min side's own sign-ups, the organisation's edit page and the municipality's overview.
/// </summary>
public sealed class WayfindingTargets : IHostileTargetSet
{
    private const string Coordinator = Demo.Coordinator;
    private const string MunicipalityAdmin = Demo.TromsoAdmin;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) => PlatformTargets.Fields(fields);

    /// <summary>A series with one sign-up for its first date, made by <paramref name="email"/>.</summary>
    private static async Task<(int OrgId, int ActivityId, long Date, int SignUpId)> SignedUpAsync(FrivilligApp app, string title, string email)
    {
        var (orgId, id, date) = await PlatformTargets.SeriesAsync(app, title);
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp",
            Fields(("Input.Date", date.ToString(CultureInfo.InvariantCulture)), ("Input.Name", "Walk Påmeldt"), ("Input.Email", email)));
        var signUpId = await app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id).Select(s => s.Id).SingleAsync());
        return (orgId, id, date, signUpId);
    }

    public IEnumerable<FormTarget> Forms =>
    [
        new(typeof(Pages.Organisations.Manage.EditModel), string.Empty, async app =>
        {
            var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
            var page = $"/tromso/organisasjoner/{orgId}/rediger";
            return new(Coordinator, page, page, Fields(("Input.Description", "Om oss"), ("Input.ContactName", "Kontakt"), ("Input.ContactEmail", "kontakt@eksempel.no"),
                ("Input.ContactPhone", "912 34 567"), ("Input.Website", "https://eksempel.no"), ("Input.StreetAddress", "Storgata 1"), ("Input.PostalCode", "9008"),
                ("Input.City", "Tromsø"), ("Input.Picture.Alt", "Et bilde")));
        }),
        new(typeof(Pages.Admin.MunicipalityAdminModel), "Contact", _ => Task.FromResult(new FormRequest(MunicipalityAdmin, "/tromso/admin", "/tromso/admin?handler=Contact",
            Fields(("Contact.Email", "post@eksempel.no"), ("Contact.Phone", "77 79 00 00"), ("Contact.Address", "Rådhusgata 2, 9008 Tromsø"))))),
        new(typeof(Pages.Admin.MunicipalityAdminModel), "District", async app =>
        {
            var districtId = await PlatformTargets.DistrictIdAsync(app, "kroken");
            return new(MunicipalityAdmin, "/tromso/admin", $"/tromso/admin?handler=District&districtId={districtId}",
                Fields(("districtAddress", "Kroken bibliotek"), ("districtPhone", "77 79 00 00")));
        }),
        new(typeof(Pages.Activities.Manage.SignUpDateModel), "Remove", async app =>
        {
            var (orgId, id, date, signUpId) = await SignedUpAsync(app, "Fjernemål", "fjern.walk@eksempel.no");
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{date}";
            return new(Coordinator, page, $"{page}?handler=Remove", Fields(("signUpId", Id(signUpId)), ("note", "Dobbeltpåmeldt"), ("bekreftet", "ja")));
        }),
        new(typeof(Pages.Activities.Manage.SignUpDateModel), "Move", async app =>
        {
            var (orgId, id, date, signUpId) = await SignedUpAsync(app, "Flyttelistemål", "flytt.walk@eksempel.no");
            var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{date}";
            var next = await app.DbAsync(async db =>
            {
                var activity = await db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Id == id);
                var zone = MunicipalClock.ZoneOf(await db.Municipalities.SingleAsync(m => m.Id == activity.MunicipalityId));
                return activity.Occurrences(zone, app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddDays(60)).Skip(1).First().OriginalStart.UtcTicks;
            });
            return new(Coordinator, page, $"{page}?handler=Move", Fields(("signUpId", Id(signUpId)), ("to", next.ToString(CultureInfo.InvariantCulture)), ("bekreftet", "ja")));
        }),
        new(typeof(Pages.Activities.Mine.CancelMineModel), string.Empty, async app =>
        {
            var (_, _, _, signUpId) = await SignedUpAsync(app, "Minemål", Demo.Volunteer);
            var page = $"/tromso/pamelding/mine/{signUpId}";
            return new(Demo.Volunteer, page, page, []);
        }),
    ];

    public IEnumerable<GetTarget> Gets =>
    [
        new("tilgjengelighet", _ => Task.FromResult(new GetRequest(null, "/tilgjengelighet", []))),
        new("{m}/tilgjengelighet", _ => Task.FromResult(new GetRequest(null, "/tromso/tilgjengelighet", [], s => $"/{s}/tilgjengelighet"))),
        new("personvern", _ => Task.FromResult(new GetRequest(null, "/personvern", []))),
        new("{m}/personvern", _ => Task.FromResult(new GetRequest(null, "/tromso/personvern", [], s => $"/{s}/personvern"))),
        new("/{m}/bilder/{id:int}/{size}.jpg", _ => Task.FromResult(new GetRequest(null, "/tromso/bilder/1/small.jpg", [], s => $"/tromso/bilder/1/{s}.jpg"))),
        new("{m}/admin/oversikt", _ => Task.FromResult(new GetRequest(MunicipalityAdmin, "/tromso/admin/oversikt", ["from", "to", "handler"], s => $"/{s}/admin/oversikt"))),
        new("{m}/aktiviteter/{id:int}/plakat", async app =>
        {
            var (_, id, _) = await PlatformTargets.SeriesAsync(app, "Plakatmål");
            return new GetRequest(null, $"/tromso/aktiviteter/{id}/plakat", [], s => $"/tromso/aktiviteter/{s}/plakat");
        }),
        new("{m}/organisasjoner/{orgId:int}/rediger", async app =>
            new GetRequest(Coordinator, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}/rediger", [], s => $"/tromso/organisasjoner/{s}/rediger")),
        new("{m}/organisasjoner/{orgId:int}/aktiviteter/{id:int}/pameldte/{date:long}", async app =>
        {
            var (orgId, id, date) = await PlatformTargets.SeriesAsync(app, "Datolistemål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{date}", ["handler"],
                s => $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{s}");
        }),
        new("{m}/pamelding/mine/{signUpId:int}", async app =>
        {
            var (_, _, _, signUpId) = await SignedUpAsync(app, "Minesidemål", Demo.Volunteer);
            return new GetRequest(Demo.Volunteer, $"/tromso/pamelding/mine/{signUpId}", [], s => $"/tromso/pamelding/mine/{s}");
        }),
    ];
}
