using Frivillig.Model.Premises;
using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Feeds;
using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises;

/// <summary>
/// Premises: municipal buildings and their rooms, found by residents and booked by organisations
/// after hours, never twice; the managers' queue and allocation round; access instructions mailed
/// before each date; rooms' feeds for staff; demo schools, community houses and libraries.
/// </summary>
public sealed class PremisesModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RoomBooking>();
        builder.Services.AddScoped<PremisesQuery>();
        builder.Services.AddScoped<IVenueSource, BookedRoomVenues>();
        builder.Services.AddScoped<IPersonalFeedSource, OrganisationBookingsFeed>();
        builder.Services.AddPersonalDataSource<PremisesPersonalData>();
        builder.Services.AddOptions<AccessInstructionsOptions>().BindConfiguration("Frivillig:Premises");
        builder.Services.AddSingleton<AccessInstructionsSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccessInstructionsSender>());
        builder.Services.AddNavigationLink(new("Lokaler", "lokaler", 40));
        builder.Services.AddMyPageSection("PremisesWork", 25);
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Premises/Manage", Policies.PremisesManager);
            o.Conventions.AuthorizeFolder("/Premises/Book");
            o.Conventions.AuthorizeFolder("/Premises/Mine", Policies.OrganisationMember);
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPremisesApi();
        app.MapRoomFeeds();
    }

    public async Task SeedDemoAsync(DemoContent demo, CancellationToken cancellationToken)
    {
        if (await demo.Db.Buildings.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var d in demo.ReadList<DemoBuilding>("premises.json"))
        {
            var municipality = demo.Municipalities[d.Municipality];
            var building = new Building
            {
                MunicipalityId = municipality.Id, DistrictId = demo.District(d.Municipality, d.District).Id, Name = d.Name, Kind = d.Kind,
                StreetAddress = d.StreetAddress, PostalCode = d.PostalCode, City = d.City, OpeningNotes = d.OpeningNotes, StepFreeEntrance = d.StepFree,
                AccessibleToilet = d.AccessibleToilet, HearingLoop = d.HearingLoop, Lift = d.Lift, AccessInstructions = d.AccessInstructions,
                ContactName = d.ContactName, ContactPhone = d.ContactPhone, ContactEmail = d.ContactEmail, Latitude = d.Latitude, Longitude = d.Longitude,
            };
            demo.Db.Buildings.Add(building);
            foreach (var r in d.Rooms)
            {
                var room = AddRoom(building, r, null);
                foreach (var part in r.Parts)
                {
                    AddRoom(building, part, room);
                }
            }
        }

        var now = demo.Now;
        foreach (var municipality in demo.Municipalities.Values)
        {
            demo.Db.Seasons.Add(DemoSeason(municipality, demo.Time));
        }

        await demo.Db.SaveChangesAsync(cancellationToken);
        await SeedBookingsAsync(demo, cancellationToken);
        _ = now;
    }

    /// <summary>The next half-year: "Vår" from January, "Høst" from mid-August; applications open until two weeks before it starts at the latest.</summary>
    public static Season DemoSeason(Municipality municipality, TimeProvider time)
    {
        var clock = MunicipalClock.For(municipality, time);
        var today = clock.Today;
        var (name, starts, ends) = today.Month is >= 2 and <= 6
            ? ($"Høst {today.Year}", new DateOnly(today.Year, 8, 17), new DateOnly(today.Year, 12, 18))
            : today.Month >= 7
                ? ($"Vår {today.Year + 1}", new DateOnly(today.Year + 1, 1, 4), new DateOnly(today.Year + 1, 6, 18))
                : ($"Vår {today.Year}", new DateOnly(today.Year, 2, 1), new DateOnly(today.Year, 6, 18));
        var deadline = clock.StartOf(starts.AddDays(-14));
        return new Season { MunicipalityId = municipality.Id, Name = name, StartsOn = starts, EndsOn = ends, ApplicationDeadline = deadline };
    }

    /// <summary>
    /// A few bookings in Tromsø: a weekly Thursday in the whole gym at Kroken, two single Tuesday evenings
    /// in the season (which a weekly Tuesday series then meets as clashes), and a request waiting in the queue.
    /// </summary>
    private static async Task SeedBookingsAsync(DemoContent demo, CancellationToken ct)
    {
        var tromso = demo.Municipalities["tromso"];
        var zone = MunicipalClock.ZoneOf(tromso);
        var rooms = await demo.Db.Rooms.Include(r => r.Building).Where(r => r.MunicipalityId == tromso.Id).ToListAsync(ct);
        var gym = rooms.Single(r => r.Name == "Gymsal (hel)");
        var units = rooms.Where(r => r.BuildingId == gym.BuildingId).Select(r => (r.Id, r.ParentRoomId)).ToList();
        var season = await demo.Db.Seasons.SingleAsync(s => s.MunicipalityId == tromso.Id, ct);
        var orgs = await demo.Db.Organisations.Where(o => o.MunicipalityId == tromso.Id && o.Status == ApprovalStatus.Approved).ToListAsync(ct);
        var userId = await demo.UserIdAsync("koordinator@frivillig.test");
        var today = MunicipalClock.For(tromso, demo.Time).Today;

        DateOnly Next(DayOfWeek day, DateOnly from) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

        void Add(Room room, Organisation org, string purpose, DateOnly first, DateOnly? last, TimeOnly start, TimeOnly end, bool approve)
        {
            var booking = Booking.Request(room, org, null, null, userId, org.ContactName, org.ContactEmail, purpose, true,
                BookingRules.Dates(first, last, start, end, zone), last is not null, demo.Now);
            booking.MunicipalityId = tromso.Id;
            booking.Occupy(BookingRules.UnitsOf(room.Id, [.. rooms.Where(r => r.BuildingId == room.BuildingId).Select(r => (r.Id, r.ParentRoomId))]));
            if (approve)
            {
                booking.Approve("demo", demo.Now);
            }

            demo.Db.Bookings.Add(booking);
        }

        var rodeKors = orgs.Single(o => o.Slug == "rode-kors-tromso");
        var bymisjonen = orgs.Single(o => o.Slug == "kirkens-bymisjon-tromso");
        var firstThursday = Next(DayOfWeek.Thursday, today.AddDays(1));
        Add(gym, rodeKors, "Innebandy for ungdom", firstThursday, firstThursday.AddDays(7 * 10), new TimeOnly(18, 0), new TimeOnly(20, 0), approve: true);
        var tuesdayInSeason = Next(DayOfWeek.Tuesday, season.StartsOn);
        Add(rooms.Single(r => r.Name == "Gymsal, halvdel A"), bymisjonen, "Turnering", tuesdayInSeason.AddDays(14), null, new TimeOnly(18, 0), new TimeOnly(21, 0), approve: true);
        Add(gym, bymisjonen, "Familiedag", tuesdayInSeason.AddDays(42), null, new TimeOnly(17, 0), new TimeOnly(19, 0), approve: true);
        Add(rooms.Single(r => r.Name == "Storsalen"), bymisjonen, "Julemiddag for alle", Next(DayOfWeek.Saturday, today.AddDays(10)), null, new TimeOnly(15, 0), new TimeOnly(19, 0), approve: false);
        _ = units;
        await demo.Db.SaveChangesAsync(ct);
    }

    private static Room AddRoom(Building building, DemoRoom r, Room? parent)
    {
        var room = new Room
        {
            MunicipalityId = building.MunicipalityId, Building = building, Name = r.Name, Capacity = r.Capacity, Rules = r.Rules, PricePerHourNok = r.PricePerHour,
            FreeForNonProfits = r.FreeForNonProfits, AutoApprove = r.AutoApprove, Windows = [.. Windows(r.Windows, building.MunicipalityId)],
        };
        room.SetEquipment(r.Equipment);
        building.Rooms.Add(room);
        room.Parent = parent;

        return room;
    }

    /// <summary>"weekdays 17-22; weekend 10-20; mon,wed 17-21" as windows.</summary>
    private static IEnumerable<BookableWindow> Windows(string spec, int municipalityId)
    {
        string[] names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
        foreach (var part in spec.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (days, hours) = (part.Split(' ')[0], part.Split(' ')[1].Split('-'));
            var weekdays = days switch
            {
                "weekdays" => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
                "weekend" => [DayOfWeek.Saturday, DayOfWeek.Sunday],
                _ => days.Split(',').Select(d => (DayOfWeek)Array.IndexOf(names, d)).ToArray(),
            };
            foreach (var day in weekdays)
            {
                yield return new BookableWindow
                {
                    MunicipalityId = municipalityId, Weekday = day, Opens = new TimeOnly(int.Parse(hours[0], System.Globalization.CultureInfo.InvariantCulture), 0),
                    Closes = new TimeOnly(int.Parse(hours[1], System.Globalization.CultureInfo.InvariantCulture), 0),
                };
            }
        }
    }

    private sealed record DemoBuilding(string Municipality, string District, string Name, BuildingKind Kind, string StreetAddress, string? PostalCode, string? City,
        string? OpeningNotes, bool StepFree, bool AccessibleToilet, bool HearingLoop, bool Lift, string? AccessInstructions, string? ContactName, string? ContactPhone,
        string? ContactEmail, double? Latitude, double? Longitude, List<DemoRoom> Rooms);

    private sealed record DemoRoom(string Name, int Capacity, List<string> Equipment, string? Rules, decimal? PricePerHour, bool FreeForNonProfits, bool AutoApprove, string Windows)
    {
        public List<DemoRoom> Parts { get; init; } = [];
    }
}
