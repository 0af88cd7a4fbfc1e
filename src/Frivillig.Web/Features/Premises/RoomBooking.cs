using Frivillig.Model.Premises;
using Frivillig.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Premises;

/// <summary>What someone asks for: a room, one date or a weekly series at local times, and who it is for.</summary>
public sealed record BookingRequest(int RoomId, int OrganisationId, int? ActivityId, int? SeasonId, string UserId, string ContactName, string ContactEmail,
    string Purpose, bool RulesAccepted, DateOnly FirstDate, DateOnly? LastDate, TimeOnly Start, TimeOnly End, IReadOnlyCollection<DateOnly> Skip);

/// <summary>One date of a request as the form shows it before it is sent: free, or why not.</summary>
public sealed record PlannedDate(DateOnly Date, DateTimeOffset Start, DateTimeOffset End, DateProblem? Problem, IReadOnlyList<Clash> Clashes, bool Skipped)
{
    public bool Bookable => Problem is null && Clashes.Count == 0;
}

/// <summary>The answer to a request: the booking when it was saved, else the errors by field and the dates that stopped it.</summary>
public sealed record BookingOutcome(Booking? Booking, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<PlannedDate> Dates)
{
    public IReadOnlyList<Clash> Clashes => [.. Dates.Where(d => !d.Skipped).SelectMany(d => d.Clashes).Distinct()];
}

/// <summary>
/// Requests, decisions, allocations and cancellations of room bookings, one place for the pages, the
/// API and the tests. Each keeps the rules (approved organisation, member, windows, closures, a year
/// ahead at most), holds the room through <see cref="RoomOccupancy"/>, and queues its mail in the
/// same save, so a refused or clashing request changes nothing and sends nothing.
/// </summary>
public sealed class RoomBooking(FrivilligDbContext db, Outbox outbox, LinkBuilder links, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    private TimeZoneInfo Zone => MunicipalClock.ZoneOf(db.Tenant.Required);

    public async Task<BookingOutcome> PlanAsync(BookingRequest request, CancellationToken ct) => (await CheckAsync(request, ct)).Outcome;

    public async Task<BookingOutcome> SendAsync(BookingRequest request, CancellationToken ct)
    {
        var (outcome, room, organisation, units) = await CheckAsync(request, ct);
        if (outcome.Errors.Count > 0 || room is null || organisation is null)
        {
            return outcome;
        }

        var dates = outcome.Dates.Where(d => !d.Skipped).Select(d => (d.Start, d.End)).ToList();
        var booking = Booking.Request(room, organisation, request.ActivityId, request.SeasonId, request.UserId, request.ContactName, request.ContactEmail,
            request.Purpose, request.RulesAccepted, dates, request.LastDate is not null, time.GetUtcNow());
        db.Bookings.Add(booking);
        if (request.SeasonId is not null)
        {
            // An application holds nothing until the manager allocates it.
            await db.SaveChangesAsync(ct);
            return outcome with { Booking = booking };
        }

        if (room.AutoApprove)
        {
            booking.Approve(null, time.GetUtcNow());
            await QueueDecisionAsync(booking, room, ct);
        }
        else
        {
            await QueueToManagersAsync(booking, room, organisation, ct);
        }

        var clashes = await RoomOccupancy.SaveHoldingAsync(db, booking, units, ct);
        if (clashes.Count > 0)
        {
            return new BookingOutcome(null, new Dictionary<string, string> { ["Input.FirstDate"] = ClashText(clashes) }, [.. outcome.Dates.Select(d => d with
            {
                Clashes = [.. d.Clashes.Concat(clashes.Where(c => c.StartsAt < d.End && c.EndsAt > d.Start)).Distinct()],
            })]);
        }

        return outcome with { Booking = booking };
    }

    /// <summary>"The time is taken by booking 12 (tirsdag 2. mars 18:00–20:00)."</summary>
    public string ClashText(IReadOnlyList<Clash> clashes)
    {
        var first = clashes[0];
        var clock = new MunicipalClock(Zone, time);
        return t["Tiden er opptatt av booking {0} ({1}–{2}).", first.BookingId, clock.Text(first.StartsAt, "dddd d. MMMM yyyy HH:mm"), clock.Text(first.EndsAt, "HH:mm")]
            + (clashes.Count > 1 ? " " + t["{0} datoer kolliderer i alt.", clashes.Select(c => c.StartsAt).Distinct().Count()] : string.Empty);
    }

    private async Task<(BookingOutcome Outcome, Room? Room, Organisation? Organisation, IReadOnlyList<int> Units)> CheckAsync(BookingRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var room = await db.Rooms.Include(r => r.Windows).SingleOrDefaultAsync(r => r.Id == request.RoomId, ct);
        if (room is null)
        {
            errors["Input.RoomId"] = t["Rommet finnes ikke i denne kommunen."];
            return (new BookingOutcome(null, errors, []), null, null, []);
        }

        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (organisation is null || !await db.Memberships.AnyAsync(m => m.OrganisationId == request.OrganisationId && m.UserId == request.UserId, ct))
        {
            errors["Input.OrganisationId"] = t["Du kan bare booke for en organisasjon du er medlem av."];
        }
        else if (!organisation.CanAct)
        {
            errors["Input.OrganisationId"] = t["Organisasjonen må være godkjent av kommunen før den kan booke lokaler."];
        }

        if (request.ActivityId is { } activityId && !await db.Activities.AnyAsync(a => a.Id == activityId && a.OrganisationId == request.OrganisationId, ct))
        {
            errors["Input.ActivityId"] = t["Velg en av organisasjonens egne aktiviteter."];
        }

        if (!request.RulesAccepted)
        {
            errors["Input.RulesAccepted"] = t["Du må godta reglene for rommet, også at bruken er rusfri."];
        }

        Season? season = null;
        if (request.SeasonId is { } seasonId)
        {
            season = await db.Seasons.SingleOrDefaultAsync(s => s.Id == seasonId, ct);
            if (season is null)
            {
                errors["Input.SeasonId"] = t["Sesongen finnes ikke."];
            }
            else if (!season.OpenForApplications(now))
            {
                errors["Input.SeasonId"] = t["Søknadsfristen for {0} har gått ut.", season.Name];
            }
            else if (request.FirstDate < season.StartsOn || (request.LastDate ?? request.FirstDate) > season.EndsOn)
            {
                errors["Input.FirstDate"] = t["Fast tid i {0} må ligge mellom {1} og {2}.", season.Name, season.StartsOn.ToString("d. MMMM yyyy", MunicipalClock.Norwegian), season.EndsOn.ToString("d. MMMM yyyy", MunicipalClock.Norwegian)];
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        if (request.FirstDate < today.AddDays(-1) || request.FirstDate > today.AddDays(366))
        {
            errors["Input.FirstDate"] = request.FirstDate < today ? t["{0} er allerede passert. Velg en tid fram i tid.", request.FirstDate.ToString("d. MMMM yyyy", MunicipalClock.Norwegian)] : t["Du kan booke høyst ett år fram i tid."];
        }

        if (request.LastDate is { } tooLate && tooLate > today.AddDays(2 * 366))
        {
            errors["Input.LastDate"] = t["Du kan booke høyst ett år fram i tid."];
        }
        else if (request.LastDate is { } last && last < request.FirstDate)
        {
            errors["Input.LastDate"] = t["Siste dato kan ikke være før første dato."];
        }
        else if (request.LastDate is { } end && end.DayNumber - request.FirstDate.DayNumber > 366)
        {
            errors["Input.LastDate"] = t["En serie kan vare høyst ett år."];
        }

        // Only an end at midnight may read as earlier than the start: 22:00–00:00 runs to the end of the day.
        if (request.End <= request.Start && !(request.End == TimeOnly.MinValue && request.Start != TimeOnly.MinValue))
        {
            errors["Input.End"] = t["Sluttid må være etter starttid."];
        }

        var units = await RoomOccupancy.UnitsOfAsync(db, room, ct);
        if (errors.Count > 0)
        {
            return (new BookingOutcome(null, errors, []), room, organisation, units);
        }

        var dates = BookingRules.Dates(request.FirstDate, request.LastDate, request.Start, request.End, Zone);
        var (firstStart, lastEnd) = (dates[0].Start, dates[^1].End);
        // A closure of the whole closes its parts, and a closed part closes the whole.
        var related = await RoomOccupancy.RelatedRoomsAsync(db, room, ct);
        var closures = await db.Closures.AsNoTracking().Where(c => c.BuildingId == room.BuildingId && (c.RoomId == null || related.Contains(c.RoomId.Value))
            && c.StartsAt < lastEnd && c.EndsAt > firstStart).ToListAsync(ct);
        var clashes = await RoomOccupancy.ClashesAsync(db, units, dates, null, ct);
        var skip = request.Skip.ToHashSet();
        var planned = dates.Select(d =>
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(d.Start, Zone).DateTime);
            return new PlannedDate(date, d.Start, d.End, BookingRules.Check(d.Start, d.End, room.Windows, closures, Zone, now),
                [.. clashes.Where(c => c.StartsAt < d.End && c.EndsAt > d.Start)], skip.Contains(date));
        }).ToList();

        var blocking = planned.Where(p => !p.Skipped && !p.Bookable).ToList();
        if (blocking.FirstOrDefault(p => p.Problem is not null) is { } bad)
        {
            errors[bad.Problem is DateProblem.NotPositive or DateProblem.TooLong ? "Input.End" : "Input.FirstDate"] = ProblemText(bad);
        }
        else if (blocking.Count > 0)
        {
            errors["Input.FirstDate"] = blocking.Count == 1 && planned.Count == 1
                ? ClashText(blocking[0].Clashes)
                : t["{0} av datoene kolliderer med andre bookinger. Send uten dem, eller velg en annen tid.", blocking.Count];
        }
        else if (planned.All(p => p.Skipped))
        {
            errors["Input.FirstDate"] = t["Det er ingen datoer igjen å booke."];
        }

        return (new BookingOutcome(null, errors, planned), room, organisation, units);
    }

    public string ProblemText(PlannedDate date) => date.Problem switch
    {
        DateProblem.NotPositive => t["Sluttid må være etter starttid."],
        DateProblem.TooLong => t["En booking kan vare høyst ett døgn."],
        DateProblem.InThePast => t["{0} er allerede passert. Velg en tid fram i tid.", date.Date.ToString("d. MMMM yyyy", MunicipalClock.Norwegian)],
        DateProblem.TooFarAhead => t["Du kan booke høyst ett år fram i tid."],
        DateProblem.OutsideWindow => t["{0} er utenfor tidene rommet kan bookes.", date.Date.ToString("dddd d. MMMM yyyy", MunicipalClock.Norwegian)],
        DateProblem.Closed => t["Bygget er stengt {0}.", date.Date.ToString("dddd d. MMMM yyyy", MunicipalClock.Norwegian)],
        _ => string.Empty,
    };

    /// <summary>A manager approves a pending request; it already holds the room.</summary>
    public async Task ApproveAsync(Booking booking, string managerId, CancellationToken ct)
    {
        booking.Approve(managerId, time.GetUtcNow());
        await QueueDecisionAsync(booking, await RoomOfAsync(booking, ct), ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RejectAsync(Booking booking, string managerId, string reason, CancellationToken ct)
    {
        booking.Reject(managerId, reason, time.GetUtcNow());
        await QueueDecisionAsync(booking, await RoomOfAsync(booking, ct), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A season application becomes an approved series at once; refused with the clashes if another allocation holds the time.</summary>
    public async Task<IReadOnlyList<Clash>> AllocateAsync(Booking booking, string managerId, CancellationToken ct)
    {
        var room = await RoomOfAsync(booking, ct);
        var units = await RoomOccupancy.UnitsOfAsync(db, room, ct);
        booking.Allocate(managerId, units, time.GetUtcNow());
        await QueueDecisionAsync(booking, room, ct);
        return await RoomOccupancy.SaveHoldingAsync(db, booking, units, ct);
    }

    /// <summary>Cancels one date (<paramref name="dateId"/>) or every coming date; the time is free at once, and the contact and the managers are told.</summary>
    public async Task<IReadOnlyList<BookingDate>> CancelAsync(Booking booking, int? dateId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cancelled = dateId is { } id ? booking.CancelDate(id, now) : booking.CancelFrom(null, now);
        if (cancelled.Count > 0)
        {
            var room = await RoomOfAsync(booking, ct);
            var clock = new MunicipalClock(Zone, time);
            var values = new Dictionary<string, string?>
            {
                ["Room"] = $"{room.Name}, {room.Building!.Name}",
                ["Dates"] = string.Join("\n", cancelled.Select(d => "– " + clock.Text(d.StartsAt, "dddd d. MMMM yyyy 'kl.' HH:mm"))),
                ["BookingId"] = booking.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Url"] = links.Absolute($"/{db.Tenant.Required.Slug}/lokaler/{room.BuildingId}"),
            };
            if (booking.HasContact)
            {
                outbox.Enqueue(booking.ContactEmail, booking.ContactName, "premises-cancelled", values);
            }

            foreach (var manager in await ManagersAsync(ct))
            {
                outbox.Enqueue(manager.Email!, manager.DisplayName, "premises-cancelled", values);
            }
        }

        await db.SaveChangesAsync(ct);
        return cancelled;
    }

    private async Task<Room> RoomOfAsync(Booking booking, CancellationToken ct) =>
        booking.Room is { Building: not null } room ? room : await db.Rooms.Include(r => r.Building).SingleAsync(r => r.Id == booking.RoomId, ct);

    private async Task<List<AppUser>> ManagersAsync(CancellationToken ct)
    {
        var ids = await db.MunicipalityRoles.Where(r => r.Role == MunicipalityRole.PremisesManager).Select(r => r.UserId).ToListAsync(ct);
        return await db.Users.Where(u => ids.Contains(u.Id) && u.Email != null).ToListAsync(ct);
    }

    private async Task QueueToManagersAsync(Booking booking, Room room, Organisation organisation, CancellationToken ct)
    {
        room = await RoomOfAsync(booking, ct);
        foreach (var manager in await ManagersAsync(ct))
        {
            outbox.Enqueue(manager.Email!, manager.DisplayName, "premises-request", new Dictionary<string, string?>
            {
                ["Organisation"] = organisation.Name,
                ["Room"] = $"{room.Name}, {room.Building!.Name}",
                ["When"] = WhenText(booking),
                ["Purpose"] = booking.Purpose,
                ["Url"] = links.Absolute($"/{db.Tenant.Required.Slug}/lokaler/forvaltning"),
            });
        }
    }

    private async Task QueueDecisionAsync(Booking booking, Room room, CancellationToken ct)
    {
        room = await RoomOfAsync(booking, ct);
        if (!booking.HasContact)
        {
            return;
        }

        outbox.Enqueue(booking.ContactEmail, booking.ContactName, booking.Status == BookingStatus.Rejected ? "premises-rejected" : "premises-approved",
            new Dictionary<string, string?>
            {
                ["Name"] = booking.ContactName,
                ["Room"] = $"{room.Name}, {room.Building!.Name}",
                ["Address"] = room.Building.Address.OneLine,
                ["When"] = WhenText(booking),
                ["Reason"] = booking.DecisionNote,
                ["Url"] = links.Absolute($"/{db.Tenant.Required.Slug}/organisasjoner/{booking.OrganisationId}/lokaler"),
            });
    }

    public string WhenText(Booking booking)
    {
        var clock = new MunicipalClock(Zone, time);
        var dates = booking.ActiveDates.OrderBy(d => d.StartsAt).ToList();
        if (dates.Count == 0)
        {
            return string.Empty;
        }

        var first = dates[0];
        return dates.Count == 1
            ? $"{clock.Text(first.StartsAt, "dddd d. MMMM yyyy 'kl.' HH:mm")}–{clock.Text(first.EndsAt, "HH:mm")}"
            : t["hver {0} kl. {1}–{2}, {3} datoer fra {4} til {5}", clock.Text(first.StartsAt, "dddd"), clock.Text(first.StartsAt, "HH:mm"), clock.Text(first.EndsAt, "HH:mm"),
                dates.Count, clock.Text(first.StartsAt, "d. MMMM yyyy"), clock.Text(dates[^1].StartsAt, "d. MMMM yyyy")];
    }
}
