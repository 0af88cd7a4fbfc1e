using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Features.Volunteering;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>A person's bookings are in their export; when they delete their account the contact goes and the booking stays the organisation's.</summary>
public sealed class PremisesPersonalDataTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task Bookings_are_exported_and_on_deletion_the_contact_is_blanked_but_the_booking_stays()
    {
        var room = await app.RoomAsync(PremisesScene.MusicRoom);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var user = await VolunteerScene.NewVolunteerAsync(app, "lokale.eksport@frivillig.test", "Lise Lokale");
        await app.DbAsync(async db =>
        {
            var tromso = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Tromso);
            db.Memberships.Add(new OrganisationMembership { MunicipalityId = tromso.Id, OrganisationId = org, UserId = user, Role = OrganisationRole.Admin, JoinedAt = FrivilligApp.Now });
            return await db.SaveChangesAsync();
        });
        var request = PremisesScene.Request(room.Id, org, user, new DateOnly(2026, 12, 8), new TimeOnly(18, 0), new TimeOnly(19, 0), purpose: "Korøvelse 🎶") with
        {
            ContactName = "Lise Lokale", ContactEmail = "lokale.eksport@frivillig.test",
        };
        var booking = (await app.RequestAsync(request)).Booking!;
        // Someone else's booking where she is only the contact is hers too; one by another person for another contact is not.
        var other = (await app.RequestAsync(PremisesScene.Request(room.Id, org, await app.UserIdAsync(Demo.Coordinator), new DateOnly(2026, 12, 9), new TimeOnly(18, 0), new TimeOnly(19, 0)))).Booking!;

        var session = await app.SignInAsync("lokale.eksport@frivillig.test");
        using var download = await session.Client.GetAsync("/konto/mine-data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var export = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var bookings = export.RootElement.GetProperty("lokaler").GetProperty("bookinger");
        Assert.Single(bookings.EnumerateArray());
        Assert.Equal("Korøvelse 🎶", bookings[0].GetProperty("formal").GetString());
        Assert.Equal(PremisesScene.MusicRoom, bookings[0].GetProperty("rom").GetString());
        Assert.Single(bookings[0].GetProperty("datoer").EnumerateArray());

        await WebSession.AssertRedirectAsync(await session.PostFormAsync("/konto/mine-data?handler=Delete", new() { ["bekreftet"] = "ja" }, "/konto/mine-data"));
        Assert.False(await app.DbAsync(db => db.Users.AnyAsync(u => u.Id == user)));
        var kept = await app.DbAsync(db => db.Bookings.Include(b => b.Dates).SingleAsync(b => b.Id == booking.Id));
        Assert.Equal(string.Empty, kept.ContactName);
        Assert.Equal(string.Empty, kept.ContactEmail);
        Assert.Equal(string.Empty, kept.RequestedByUserId);
        Assert.Equal(org, kept.OrganisationId);
        Assert.Equal(booking.Status, kept.Status);
        Assert.Single(kept.Dates);
        Assert.Equal(0, await app.DbAsync(db => db.Bookings.CountAsync(b => b.ContactEmail == "lokale.eksport@frivillig.test" || b.ContactName == "Lise Lokale")));
        var untouched = await app.DbAsync(db => db.Bookings.SingleAsync(b => b.Id == other.Id));
        Assert.Equal("Kåre Koordinator", untouched.ContactName);
        Assert.Equal("kare@eksempel.no", untouched.ContactEmail);

        // The organisation still sees its booking, and the time is still held.
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        Assert.Contains($"Booking {booking.Id}", await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{org}/lokaler"));
        Assert.True(await app.DbAsync(db => db.OccupiedSlots.AnyAsync(s => s.BookingId == booking.Id)));
    }
}
