namespace Frivillig.Model.Premises;

/// <summary>A rule a manager's change breaks, named by the property it concerns, so the page shows it beside that field.</summary>
public sealed record PremisesProblem(string Field, string Message);

/// <summary>How a room is priced, as the manager chooses it.</summary>
public enum PriceKind
{
    Free,
    PerHour,
    PerHourFreeForNonProfits,
}

/// <summary>The rules a premises manager's edits keep: a building, a room, a window and a season check themselves before they are saved.</summary>
public static class PremisesManagement
{
    public const decimal MaxPricePerHour = 100_000m;
    public const int MaxCapacity = 10_000;

    public static IEnumerable<PremisesProblem> Problems(this Building b)
    {
        if (string.IsNullOrWhiteSpace(b.Name))
        {
            yield return new(nameof(b.Name), "Skriv navnet på bygget.");
        }

        if (string.IsNullOrWhiteSpace(b.StreetAddress))
        {
            yield return new(nameof(b.StreetAddress), "Skriv gateadressen.");
        }

        if (b.PostalCode is { Length: > 0 } code && (code.Length != 4 || !code.All(char.IsAsciiDigit)))
        {
            yield return new(nameof(b.PostalCode), "Postnummeret har fire sifre.");
        }

        if (b.Latitude is { } lat && (double.IsNaN(lat) || lat is < 57 or > 81.5))
        {
            yield return new(nameof(b.Latitude), "Breddegraden må være i Norge (mellom 57 og 81,5).");
        }

        if (b.Longitude is { } lon && (double.IsNaN(lon) || lon is < 4 or > 32))
        {
            yield return new(nameof(b.Longitude), "Lengdegraden må være i Norge (mellom 4 og 32).");
        }

        if (b.Latitude.HasValue != b.Longitude.HasValue)
        {
            yield return new(b.Latitude.HasValue ? nameof(b.Longitude) : nameof(b.Latitude), "Fyll inn både breddegrad og lengdegrad, eller ingen av dem.");
        }

        if (!Enum.IsDefined(b.Kind))
        {
            yield return new(nameof(b.Kind), "Velg hva slags bygg det er.");
        }
    }

    public static PriceKind PriceKind(this Room r) =>
        r.IsFree ? Premises.PriceKind.Free : r.FreeForNonProfits ? Premises.PriceKind.PerHourFreeForNonProfits : Premises.PriceKind.PerHour;

    /// <summary>Sets the price as the manager chose it; a free room keeps no price.</summary>
    public static IEnumerable<PremisesProblem> SetPrice(this Room r, PriceKind kind, decimal? perHour)
    {
        if (!Enum.IsDefined(kind))
        {
            return [new(nameof(Room.PricePerHourNok), "Velg en pris.")];
        }

        if (kind == Premises.PriceKind.Free)
        {
            r.PricePerHourNok = null;
            r.FreeForNonProfits = false;
            return [];
        }

        if (perHour is not { } price || price <= 0 || price > MaxPricePerHour || decimal.Round(price, 2) != price)
        {
            return [new(nameof(Room.PricePerHourNok), $"Skriv prisen i kroner per time, over 0 og høyst {MaxPricePerHour:N0}, med høyst to desimaler.")];
        }

        r.PricePerHourNok = price;
        r.FreeForNonProfits = kind == Premises.PriceKind.PerHourFreeForNonProfits;
        return [];
    }

    /// <summary>
    /// A room's own rules, and its place among the building's rooms: a part belongs to a larger room of the
    /// same building, never to itself or one of its own parts. <paramref name="rooms"/> are the building's rooms.
    /// </summary>
    public static IEnumerable<PremisesProblem> Problems(this Room r, IReadOnlyCollection<Room> rooms)
    {
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            yield return new(nameof(r.Name), "Skriv navnet på rommet.");
        }

        if (r.Capacity is < 1 or > MaxCapacity)
        {
            yield return new(nameof(r.Capacity), $"Skriv hvor mange rommet har plass til, fra 1 til {MaxCapacity:N0}.");
        }

        if (r.ParentRoomId is { } parentId)
        {
            var parent = rooms.FirstOrDefault(x => x.Id == parentId);
            if (parent is null || parent.Id == r.Id)
            {
                yield return new(nameof(r.ParentRoomId), "Velg et større rom i samme bygg, eller ingen.");
            }
            else
            {
                // Walk up from the chosen parent: meeting this room again would make it a part of itself.
                var seen = new HashSet<int>();
                for (var p = parent; p is not null && seen.Add(p.Id); p = rooms.FirstOrDefault(x => x.Id == p.ParentRoomId))
                {
                    if (p.ParentRoomId == r.Id && r.Id != 0)
                    {
                        yield return new(nameof(r.ParentRoomId), "Et rom kan ikke være en del av en av sine egne deler.");
                        break;
                    }
                }
            }
        }
    }

    public static IEnumerable<PremisesProblem> Problems(this BookableWindow w, IEnumerable<BookableWindow> others)
    {
        if (!Enum.IsDefined(w.Weekday))
        {
            yield return new(nameof(w.Weekday), "Velg en ukedag.");
        }

        if (w.Closes <= w.Opens)
        {
            yield return new(nameof(w.Closes), "Slutten må være etter starten, samme dag.");
        }
        else if (others.Any(o => o.Id != w.Id && o.Weekday == w.Weekday && o.Opens < w.Closes && w.Opens < o.Closes))
        {
            yield return new(nameof(w.Opens), "Rommet har alt et tidsvindu som overlapper denne dagen.");
        }
    }

    public static IEnumerable<PremisesProblem> Problems(this Season s, DateOnly today, DateOnly deadlineDay)
    {
        if (string.IsNullOrWhiteSpace(s.Name))
        {
            yield return new(nameof(s.Name), "Skriv navnet på sesongen, for eksempel «Høst 2027».");
        }

        if (s.EndsOn <= s.StartsOn || s.EndsOn.DayNumber - s.StartsOn.DayNumber > 366)
        {
            yield return new(nameof(s.EndsOn), "Sesongen slutter etter at den begynner, og varer høyst ett år.");
        }

        if (s.StartsOn > today.AddYears(3) || s.StartsOn < today.AddYears(-1))
        {
            yield return new(nameof(s.StartsOn), "Sesongen må begynne innen tre år.");
        }

        if (deadlineDay >= s.StartsOn)
        {
            yield return new(nameof(s.ApplicationDeadline), "Søknadsfristen må være før sesongen begynner.");
        }
    }
}
