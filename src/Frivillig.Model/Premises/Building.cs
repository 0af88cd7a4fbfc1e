using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Premises;

public enum BuildingKind
{
    Skole,
    Samfunnshus,
    Bibliotek,
    Ungdomsklubb,
    Idrettshall,
    Kulturhus,
}

/// <summary>
/// A municipal building that lends or rents rooms after hours. Its access instructions (key, code,
/// caretaker) go only to a booking's contact, by mail, before each date; never on a public page.
/// </summary>
public sealed class Building : ITenantOwned
{
    public const int NameMaxLength = 120;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int DistrictId { get; set; }
    public District? District { get; set; }
    public required string Name { get; set; }
    public BuildingKind Kind { get; set; }
    public required string StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? OpeningNotes { get; set; }
    public bool StepFreeEntrance { get; set; }
    public bool AccessibleToilet { get; set; }
    public bool HearingLoop { get; set; }
    public bool Lift { get; set; }

    /// <summary>Private: mailed to the booking's contact ahead of each date.</summary>
    public string? AccessInstructions { get; set; }

    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public List<Room> Rooms { get; set; } = [];

    public PostalAddress Address => new(StreetAddress, PostalCode, City);

    /// <summary>The accessibility the building offers, as residents read it.</summary>
    public IReadOnlyList<string> AccessibilityTexts() =>
    [
        .. new (bool Has, string Text)[]
        {
            (StepFreeEntrance, "Trinnfri inngang"), (AccessibleToilet, "Tilrettelagt toalett"), (HearingLoop, "Teleslynge"), (Lift, "Heis"),
        }.Where(x => x.Has).Select(x => x.Text),
    ];
}

/// <summary>
/// A room that can be booked. A room may be part of a larger one (a half of the gym): the parts
/// are the units that bookings occupy, so the whole blocks its parts and a part blocks the whole.
/// </summary>
public sealed class Room : ITenantOwned
{
    public const int NameMaxLength = 120;

    /// <summary>What a room may have, by slug, with the name residents see.</summary>
    public static readonly IReadOnlyDictionary<string, string> EquipmentNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kjokken"] = "Kjøkken",
        ["projektor"] = "Projektor",
        ["gymgulv"] = "Gymgulv",
        ["piano"] = "Piano",
        ["lydanlegg"] = "Lydanlegg",
        ["scene"] = "Scene",
        ["garderobe"] = "Garderobe",
        ["wifi"] = "Trådløst nett",
    };

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BuildingId { get; set; }
    public Building? Building { get; set; }

    /// <summary>The larger room this is a part of (a half of the gym), if any.</summary>
    public int? ParentRoomId { get; set; }

    public Room? Parent { get; set; }

    public required string Name { get; set; }
    public int Capacity { get; set; }

    /// <summary>Slugs wrapped in commas (",kjokken,piano,") so one LIKE finds a piece of equipment.</summary>
    public string Equipment { get; set; } = ",";

    public string? Rules { get; set; }

    /// <summary>Null or zero is free.</summary>
    public decimal? PricePerHourNok { get; set; }

    /// <summary>The municipality lends this room free to approved non-profit organisations.</summary>
    public bool FreeForNonProfits { get; set; }

    /// <summary>The municipality's rule for this room: a request by an approved organisation, inside a window, on a free time is approved at once.</summary>
    public bool AutoApprove { get; set; }

    public List<BookableWindow> Windows { get; set; } = [];

    /// <summary>The secret in the address of the room's bookings feed for staff; a new one revokes the old.</summary>
    public string FeedToken { get; set; } = NewFeedToken();

    public static string NewFeedToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    public IReadOnlyList<string> EquipmentSlugs => [.. Equipment.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    public void SetEquipment(IEnumerable<string> slugs) =>
        Equipment = "," + string.Concat(slugs.Where(EquipmentNames.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(s => s + ","));

    public bool IsFree => PricePerHourNok is null or 0;

    /// <summary>The hourly price an organisation pays: nothing for a free room, or for a non-profit where the municipality lends it free.</summary>
    public decimal PriceFor(Organisation organisation) =>
        IsFree || (FreeForNonProfits && organisation.Kind != OrganisationKind.SosialEntreprenor && organisation.CanAct) ? 0 : PricePerHourNok!.Value;
}

/// <summary>When a room can be booked on a weekday, in local time (for example weekdays 17–22).</summary>
public sealed class BookableWindow : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoomId { get; set; }
    public DayOfWeek Weekday { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

/// <summary>A time a building, or one room of it, cannot be booked: a school event, a holiday, maintenance.</summary>
public sealed class Closure : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BuildingId { get; set; }

    /// <summary>Null closes the whole building.</summary>
    public int? RoomId { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Reason { get; set; }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Building.NameMaxLength);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.StreetAddress).HasMaxLength(PostalAddress.StreetMaxLength);
        builder.Property(b => b.PostalCode).HasMaxLength(4);
        builder.Property(b => b.City).HasMaxLength(PostalAddress.CityMaxLength);
        builder.Property(b => b.OpeningNotes).HasMaxLength(1000);
        builder.Property(b => b.AccessInstructions).HasMaxLength(2000);
        builder.Property(b => b.ContactName).HasMaxLength(100);
        builder.Property(b => b.ContactEmail).HasMaxLength(254);
        builder.Property(b => b.ContactPhone).HasMaxLength(30);
        builder.Ignore(b => b.Address);
        builder.HasAlternateKey(b => new { b.MunicipalityId, b.Id });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(b => b.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.District).WithMany().HasForeignKey(b => new { b.MunicipalityId, b.DistrictId })
            .HasPrincipalKey(d => new { d.MunicipalityId, d.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Rooms).WithOne(r => r.Building).HasForeignKey(r => new { r.MunicipalityId, r.BuildingId })
            .HasPrincipalKey(b => new { b.MunicipalityId, b.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Room.NameMaxLength);
        builder.Property(r => r.Equipment).HasMaxLength(300);
        builder.Property(r => r.Rules).HasMaxLength(2000);
        builder.Property(r => r.FeedToken).HasMaxLength(64);
        builder.HasIndex(r => r.FeedToken).IsUnique();
        builder.Property(r => r.PricePerHourNok).HasPrecision(10, 2);
        builder.Ignore(r => r.EquipmentSlugs);
        builder.Ignore(r => r.IsFree);
        builder.HasAlternateKey(r => new { r.MunicipalityId, r.Id });
        builder.HasOne(r => r.Parent).WithMany().HasForeignKey(r => new { r.MunicipalityId, r.ParentRoomId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Windows).WithOne().HasForeignKey(w => new { w.MunicipalityId, w.RoomId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(300);
        builder.HasOne<Building>().WithMany().HasForeignKey(c => new { c.MunicipalityId, c.BuildingId })
            .HasPrincipalKey(b => new { b.MunicipalityId, b.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Room>().WithMany().HasForeignKey(c => new { c.MunicipalityId, c.RoomId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.BuildingId, c.StartsAt });
    }
}
