using System.Globalization;
using Frivillig.IntegrationTests.Features.Premises;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Pages = Frivillig.Web.Features.Premises;

namespace Frivillig.IntegrationTests.Features.HostileInput;

/// <summary>The premises' forms and endpoints: finding, booking, the organisation's bookings, the managers' queue and allocation, the API and the staff feed.</summary>
public sealed class PremisesTargets : IHostileTargetSet
{
    private const string Coordinator = Demo.Coordinator;
    private const string Manager = Demo.TromsoPremisesManager;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) => PlatformTargets.Fields(fields);

    /// <summary>A booking on the first free day from a spread-out start, so every arrangement gets its own.</summary>
    private static async Task<int> BookingAsync(FrivilligApp app, string room, int? seasonId = null)
    {
        var r = await app.RoomAsync(room);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var user = await app.UserIdAsync(Coordinator);
        var start = seasonId is null ? new DateOnly(2026, 12, 7) : await app.DbAsync(db => db.Seasons.Where(s => s.Id == seasonId).Select(s => s.StartsOn).SingleAsync());
        for (var i = Random.Shared.Next(0, 60); i < 400; i++)
        {
            var outcome = await app.RequestAsync(PremisesScene.Request(r.Id, org, user, start.AddDays(i), new TimeOnly(18, 0), new TimeOnly(19, 0), seasonId: seasonId, purpose: "Walk"));
            if (outcome.Booking is { } booking)
            {
                return booking.Id;
            }
        }

        throw new InvalidOperationException("No free day for the walk's booking.");
    }

    /// <summary>A building with a room and a window of its own, so the hostile values the walk saves change nothing another target uses.</summary>
    private static Task<(int BuildingId, int RoomId, int WindowId, int DistrictId)> WalkRoomAsync(FrivilligApp app) => app.DbAsync(async db =>
    {
        var tromso = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Tromso);
        var district = await db.Districts.Where(d => d.MunicipalityId == tromso.Id).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var building = new Model.Premises.Building { MunicipalityId = tromso.Id, DistrictId = district, Name = "Walk-bygg", StreetAddress = "Walkveien 1" };
        var room = new Model.Premises.Room { MunicipalityId = tromso.Id, Building = building, Name = "Walk-rom", Capacity = 10 };
        room.Windows.Add(new Model.Premises.BookableWindow { MunicipalityId = tromso.Id, Weekday = DayOfWeek.Monday, Opens = new TimeOnly(17, 0), Closes = new TimeOnly(21, 0) });
        db.Rooms.Add(room);
        await db.SaveChangesAsync();
        return (building.Id, room.Id, room.Windows[0].Id, district);
    });

    private static Task<int> SeasonIdAsync(FrivilligApp app) =>
        app.DbAsync(db => db.Seasons.Where(s => s.Name != "Walk-sesong" && db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == Demo.Tromso)).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

    private static async Task<FormRequest> BookFormAsync(FrivilligApp app, string handler)
    {
        var room = await app.RoomAsync(PremisesScene.Storsalen);
        var page = $"/tromso/lokaler/{room.BuildingId}/bestill";
        return new(Coordinator, page, handler.Length == 0 ? page : $"{page}?handler={handler}", Fields(("Input.RoomId", Id(room.Id)),
            ("Input.OrganisationId", Id(await app.OrganisationIdAsync(Demo.RodeKors))), ("Input.ActivityId", string.Empty), ("Input.Kind", "Weekly"),
            ("Input.FirstDate", "2027-03-01"), ("Input.LastDate", "2027-03-29"), ("Input.Start", "18:00"), ("Input.End", "20:00"), ("Input.Purpose", "Korøving"),
            ("Input.ContactName", "Kåre"), ("Input.ContactEmail", "kare@eksempel.no"), ("Input.RulesAccepted", "true"), ("Input.Skip", "2027-03-08")));
    }

    public IEnumerable<FormTarget> Forms =>
    [
        new(typeof(Pages.Book.BookModel), string.Empty, app => BookFormAsync(app, string.Empty)),
        new(typeof(Pages.Book.BookModel), "Check", app => BookFormAsync(app, "Check")),
        new(typeof(Pages.Mine.BookingsModel), "Cancel", async app =>
        {
            var id = await BookingAsync(app, PremisesScene.MusicRoom);
            var org = await app.OrganisationIdAsync(Demo.RodeKors);
            var dateId = await app.DbAsync(db => db.BookingDates.Where(d => d.BookingId == id).Select(d => d.Id).FirstAsync());
            var page = $"/tromso/organisasjoner/{org}/lokaler";
            return new(Coordinator, page, $"{page}?handler=Cancel", Fields(("bookingId", Id(id)), ("dateId", Id(dateId)), ("bekreftet", "ja")));
        }),
        new(typeof(Pages.Manage.RequestModel), "Take", async app =>
        {
            var page = $"/tromso/lokaler/forvaltning/{await BookingAsync(app, PremisesScene.Storsalen)}";
            return new(Manager, page, $"{page}?handler=Take", Fields());
        }),
        new(typeof(Pages.Manage.RequestModel), "Approve", async app =>
        {
            var page = $"/tromso/lokaler/forvaltning/{await BookingAsync(app, PremisesScene.Storsalen)}";
            return new(Manager, page, $"{page}?handler=Approve", Fields());
        }),
        new(typeof(Pages.Manage.RequestModel), "Reject", async app =>
        {
            var page = $"/tromso/lokaler/forvaltning/{await BookingAsync(app, PremisesScene.Storsalen)}";
            return new(Manager, page, $"{page}?handler=Reject", Fields(("Reason", "Salen er opptatt av kommunens eget arrangement.")));
        }),
        new(typeof(Pages.Manage.QueueModel), "Closure", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.MusicRoom);
            return new(Manager, "/tromso/lokaler/forvaltning", "/tromso/lokaler/forvaltning?handler=Closure", Fields(("Closure.BuildingId", Id(room.BuildingId)),
                ("Closure.RoomId", Id(room.Id)), ("Closure.From", "2027-02-01"), ("Closure.To", "2027-02-02"), ("Closure.Reason", "Vedlikehold")));
        }),
        new(typeof(Pages.Manage.SeasonModel), "Allocate", async app =>
        {
            var season = await SeasonIdAsync(app);
            var id = await BookingAsync(app, PremisesScene.Storsalen, season);
            var page = $"/tromso/lokaler/forvaltning/sesong/{season}";
            return new(Manager, page, $"{page}?handler=Allocate", Fields(("bookingId", Id(id))));
        }),
        new(typeof(Pages.Manage.BuildingModel), string.Empty, async app =>
        {
            var walk = await WalkRoomAsync(app);
            var page = $"/tromso/lokaler/forvaltning/bygg/{walk.BuildingId}";
            return new(Manager, page, page, BuildingFields(walk.DistrictId));
        }),
        new(typeof(Pages.Manage.RoomModel), string.Empty, async app =>
        {
            var walk = await WalkRoomAsync(app);
            var page = $"/tromso/lokaler/forvaltning/rom/{walk.RoomId}";
            return new(Manager, page, page, RoomFields());
        }),
        new(typeof(Pages.Manage.RoomModel), "AddWindow", async app =>
        {
            var walk = await WalkRoomAsync(app);
            var page = $"/tromso/lokaler/forvaltning/rom/{walk.RoomId}";
            return new(Manager, page, $"{page}?handler=AddWindow", Fields(("Window.Weekday", "Sunday"), ("Window.Opens", "06:00"), ("Window.Closes", "07:00")));
        }),
        new(typeof(Pages.Manage.RoomModel), "DeleteWindow", async app =>
        {
            var walk = await WalkRoomAsync(app);
            var page = $"/tromso/lokaler/forvaltning/rom/{walk.RoomId}";
            return new(Manager, page, $"{page}?handler=DeleteWindow", Fields(("windowId", Id(walk.WindowId))));
        }),
        new(typeof(Pages.Manage.RoomModel), "Delete", async app =>
        {
            var walk = await WalkRoomAsync(app);
            var page = $"/tromso/lokaler/forvaltning/rom/{walk.RoomId}";
            return new(Manager, page, $"{page}?handler=Delete", Fields());
        }),
        new(typeof(Pages.Manage.SeasonEditModel), string.Empty, async app =>
        {
            var id = await app.DbAsync(async db =>
            {
                var season = new Model.Premises.Season
                {
                    MunicipalityId = (await db.Municipalities.SingleAsync(m => m.Slug == Demo.Tromso)).Id, Name = "Walk-sesong",
                    StartsOn = new DateOnly(2028, 1, 3), EndsOn = new DateOnly(2028, 6, 16), ApplicationDeadline = new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero),
                };
                db.Seasons.Add(season);
                await db.SaveChangesAsync();
                return season.Id;
            });
            var page = $"/tromso/lokaler/forvaltning/sesonger/{id}";
            return new(Manager, page, page, Fields(("Input.Name", "Vår 2028"), ("Input.StartsOn", "2028-01-03"), ("Input.EndsOn", "2028-06-16"), ("Input.ApplicationDeadline", "2027-12-01")));
        }),
    ];

    private static List<KeyValuePair<string, string>> BuildingFields(int district) => Fields(("Input.Name", "Kroken skole"), ("Input.Kind", "Skole"),
        ("Input.DistrictId", Id(district)), ("Input.StreetAddress", "Krokenveien 1"), ("Input.PostalCode", "9020"), ("Input.City", "Tromsdalen"),
        ("Input.OpeningNotes", "Åpent etter kl. 17"), ("Input.StepFreeEntrance", "true"), ("Input.AccessInstructions", "Nøkkel hos vaktmester"),
        ("Input.ContactName", "Vera Vaktmester"), ("Input.ContactEmail", "vaktmester@eksempel.no"), ("Input.ContactPhone", "77 00 00 00"),
        ("Input.Latitude", "69,70"), ("Input.Longitude", "19,05"));

    private static List<KeyValuePair<string, string>> RoomFields() => Fields(("Input.Name", "Musikkrom"), ("Input.Capacity", "20"), ("Input.Equipment", "piano"),
        ("Input.Rules", "Rydd etter dere."), ("Input.PriceKind", "PerHourFreeForNonProfits"), ("Input.PricePerHourNok", "150"), ("Input.ParentRoomId", string.Empty),
        ("Input.AutoApprove", "true"));

    public IEnumerable<GetTarget> Gets =>
    [
        new("{m}/lokaler", _ => Task.FromResult(new GetRequest(null, "/tromso/lokaler", ["kind", "district", "capacity", "equipment", "accessibility", "date", "from", "to"], s => $"/{s}/lokaler"))),
        new("{m}/lokaler/{id:int}", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.Gym);
            return new GetRequest(null, $"/tromso/lokaler/{room.BuildingId}", ["fra"], s => $"/tromso/lokaler/{s}");
        }),
        new("{m}/lokaler/{id:int}/bestill", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.Gym);
            return new GetRequest(Coordinator, $"/tromso/lokaler/{room.BuildingId}/bestill", ["rom"], s => $"/tromso/lokaler/{s}/bestill");
        }),
        new("{m}/organisasjoner/{orgId:int}/lokaler", async app =>
            new GetRequest(Coordinator, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}/lokaler", ["sendt"], s => $"/tromso/organisasjoner/{s}/lokaler")),
        new("{m}/lokaler/forvaltning", _ => Task.FromResult(new GetRequest(Manager, "/tromso/lokaler/forvaltning", [], s => $"/{s}/lokaler/forvaltning"))),
        new("{m}/lokaler/forvaltning/{id:int}", async app =>
            new GetRequest(Manager, $"/tromso/lokaler/forvaltning/{await BookingAsync(app, PremisesScene.Storsalen)}", [], s => $"/tromso/lokaler/forvaltning/{s}")),
        new("{m}/lokaler/forvaltning/sesong/{id:int}", async app =>
            new GetRequest(Manager, $"/tromso/lokaler/forvaltning/sesong/{await SeasonIdAsync(app)}", [], s => $"/tromso/lokaler/forvaltning/sesong/{s}")),
        new("{m}/lokaler/forvaltning/bygg/{id:int?}", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.Gym);
            return new GetRequest(Manager, $"/tromso/lokaler/forvaltning/bygg/{room.BuildingId}", ["lagret"], s => $"/tromso/lokaler/forvaltning/bygg/{s}");
        }),
        new("{m}/lokaler/forvaltning/rom/{id:int?}", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.Gym);
            return new GetRequest(Manager, $"/tromso/lokaler/forvaltning/rom?bygg={room.BuildingId}", ["bygg", "lagret"], s => $"/tromso/lokaler/forvaltning/rom/{s}");
        }),
        new("{m}/lokaler/forvaltning/sesonger/{id:int?}", async app =>
            new GetRequest(Manager, $"/tromso/lokaler/forvaltning/sesonger/{await SeasonIdAsync(app)}", [], s => $"/tromso/lokaler/forvaltning/sesonger/{s}")),
        new("/api/v1/{m}/premises", _ => Task.FromResult(new GetRequest(null, "/api/v1/tromso/premises", ["kind", "district", "capacity", "equipment", "accessibility", "date", "from", "to"], s => $"/api/v1/{s}/premises"))),
        new("/api/v1/{m}/premises/{id:int}", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.Gym);
            return new GetRequest(null, $"/api/v1/tromso/premises/{room.BuildingId}", [], s => $"/api/v1/tromso/premises/{s}");
        }),
        new("/api/v1/{m}/premises/{id:int}/availability", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.Gym);
            return new GetRequest(null, $"/api/v1/tromso/premises/{room.BuildingId}/availability", ["from", "to"], s => $"/api/v1/tromso/premises/{s}/availability");
        }),
        new("/ical/{m}/rooms/{token}.ics", async app =>
        {
            var room = await app.RoomAsync(PremisesScene.Gym);
            return new GetRequest(null, $"/ical/tromso/rooms/{room.FeedToken}.ics", [], s => $"/ical/tromso/rooms/{s}.ics");
        }),
    ];
}
