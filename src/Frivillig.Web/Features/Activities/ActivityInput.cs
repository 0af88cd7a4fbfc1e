using System.ComponentModel.DataAnnotations;

namespace Frivillig.Web.Features.Activities;

/// <summary>The activity form, in local wall-clock terms; the page converts to instants in the municipality's zone.</summary>
public sealed class ActivityInput
{
    [Display(Name = "Tittel")]
    [Required(ErrorMessage = "Skriv en tittel.")]
    [StringLength(Activity.TitleMaxLength, ErrorMessage = "Tittelen kan være høyst {1} tegn.")]
    [NoMarkup]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "Kort oppsummering")]
    [StringLength(Activity.SummaryMaxLength, ErrorMessage = "Oppsummeringen kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? Summary { get; set; }

    [Display(Name = "Beskrivelse")]
    [StringLength(Activity.DescriptionMaxLength, ErrorMessage = "Beskrivelsen kan være høyst {1} tegn.")]
    [RenderableMarkdown]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Velg en kategori.")]
    public string? Category { get; set; }

    public List<string> TargetGroups { get; set; } = [];

    [Required(ErrorMessage = "Velg bydel eller distriktssenter.")]
    public int? DistrictId { get; set; }

    [Display(Name = "Sted (adresse og rom)")]
    [Required(ErrorMessage = "Skriv hvor aktiviteten er.")]
    [StringLength(200, ErrorMessage = "Stedet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string Place { get; set; } = string.Empty;

    [Display(Name = "Gateadresse")]
    [StringLength(PostalAddress.StreetMaxLength, ErrorMessage = "Adressen kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? StreetAddress { get; set; }

    [Display(Name = "Postnummer")]
    [RegularExpression("^[0-9]{4}$", ErrorMessage = "Postnummeret har fire siffer.")]
    public string? PostalCode { get; set; }

    [Display(Name = "Poststed")]
    [StringLength(PostalAddress.CityMaxLength, ErrorMessage = "Poststedet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? City { get; set; }

    public Pictures.PictureInput Picture { get; set; } = new();

    [Display(Name = "Dato (første gang)")]
    [Required(ErrorMessage = "Velg dato.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Starter kl.")]
    [Required(ErrorMessage = "Skriv når aktiviteten starter.")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Slutter kl.")]
    [Required(ErrorMessage = "Skriv når aktiviteten slutter.")]
    public TimeOnly? EndTime { get; set; }

    public RecurrenceFrequency Frequency { get; set; }

    [Display(Name = "Gjentas til og med")]
    public DateOnly? Until { get; set; }

    [Display(Name = "Antall ganger")]
    [Range(1, 200, ErrorMessage = "Antall ganger må være mellom {1} og {2}.")]
    public int? Count { get; set; }

    public bool IsDropIn { get; set; } = true;

    [Display(Name = "Antall plasser")]
    [Range(1, 10000, ErrorMessage = "Antall plasser må være mellom {1} og {2}.")]
    public int? Capacity { get; set; }

    [Display(Name = "Pris i kroner")]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Prisen må være mellom {1} og {2} kroner.")]
    public decimal? PriceNok { get; set; }

    [Display(Name = "Språk")]
    [StringLength(200, ErrorMessage = "Språkfeltet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? Languages { get; set; }

    public List<string> Accessibility { get; set; } = [];

    [Display(Name = "Kontakt")]
    [StringLength(200, ErrorMessage = "Kontaktfeltet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? Contact { get; set; }

    [Display(Name = "Aktiviteten er rusfri: ingen alkohol eller andre rusmidler")]
    public bool Rusfri { get; set; }

    /// <summary>A new activity's form: a week from today, 18–20, the organisation's address as contact.</summary>
    public static ActivityInput ForNew(Organisation organisation, MunicipalClock clock) => new()
    {
        Date = clock.Today.AddDays(7),
        StartTime = new TimeOnly(18, 0),
        EndTime = new TimeOnly(20, 0),
        Contact = organisation.ContactEmail,
    };

    public static ActivityInput From(Activity a, MunicipalClock clock)
    {
        var start = clock.Local(a.StartsAt);
        return new ActivityInput
        {
            Title = a.Title,
            Summary = a.Summary,
            Description = a.Description,
            Category = a.CategorySlug,
            TargetGroups = [.. a.TargetGroupSlugs],
            Accessibility = [.. a.AccessibilitySlugs],
            DistrictId = a.DistrictId,
            Place = a.Place,
            StreetAddress = a.StreetAddress,
            PostalCode = a.PostalCode,
            City = a.City,
            Picture = new Pictures.PictureInput { Alt = a.PictureAlt },
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(clock.Local(a.EndsAt)),
            Frequency = a.Frequency,
            Until = a.Until,
            Count = a.Count,
            IsDropIn = a.IsDropIn,
            Capacity = a.Capacity,
            PriceNok = a.PriceNok,
            Languages = a.Languages,
            Contact = a.Contact,
            Rusfri = a.RusfriDeclared,
        };
    }

    /// <summary>What the attributes cannot see: choices from the lists, times in order, dates in range, rusfri to publish.</summary>
    public IEnumerable<(string Field, string Message)> Validate(bool publish, bool isNew, Catalog catalog, IReadOnlyList<District> districts, MunicipalClock clock,
        Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        if (Category is not null && catalog.Categories.All(c => c.Slug != Category))
        {
            yield return ("Input.Category", t["Velg en kategori fra listen."]);
        }

        if (TargetGroups.Count == 0)
        {
            yield return ("Input.TargetGroups", t["Velg minst én målgruppe."]);
        }
        else if (TargetGroups.Any(g => catalog.TargetGroups.All(c => c.Slug != g)))
        {
            yield return ("Input.TargetGroups", t["Velg målgrupper fra listen."]);
        }

        if (Accessibility.Any(g => catalog.Accessibility.All(c => c.Slug != g)))
        {
            yield return ("Input.Accessibility", t["Velg fra listen."]);
        }

        if (DistrictId is { } d && districts.All(x => x.Id != d))
        {
            yield return ("Input.DistrictId", t["Velg bydel eller distriktssenter fra listen."]);
        }

        if (string.IsNullOrWhiteSpace(StreetAddress) && (!string.IsNullOrWhiteSpace(PostalCode) || !string.IsNullOrWhiteSpace(City)))
        {
            yield return ("Input.StreetAddress", t["Skriv gateadressen også, eller la postnummer og poststed stå tomme."]);
        }

        if (StartTime is { } s && EndTime is { } e && e <= s)
        {
            yield return ("Input.EndTime", t["Sluttiden må være etter starttiden."]);
        }

        if (!Enum.IsDefined(Frequency))
        {
            yield return ("Input.Frequency", t["Velg hvor ofte fra listen."]);
        }
        else if (Frequency != RecurrenceFrequency.None)
        {
            if (Until is not null && Count is not null)
            {
                yield return ("Input.Until", t["Velg enten sluttdato eller antall ganger, ikke begge."]);
            }

            if (Until is { } until && Date is { } first && CalendarBounds.Contains(first) && (until < first || until > first.AddYears(3)))
            {
                yield return ("Input.Until", t["Sluttdatoen må være etter første dato og innen tre år."]);
            }
        }

        if (!IsDropIn && Capacity is null)
        {
            yield return ("Input.Capacity", t["Skriv hvor mange plasser det er."]);
        }

        if (Date is { } outside && !CalendarBounds.Contains(outside))
        {
            yield return ("Input.Date", t["Datoen må være mellom {0} og {1}.", Iso(CalendarBounds.Earliest), Iso(CalendarBounds.Latest)]);
        }
        else if (Date is { } date && isNew && date < clock.Today.AddDays(-1))
        {
            yield return ("Input.Date", t["Datoen har vært."]);
        }

        if (publish && !Rusfri)
        {
            yield return ("Input.Rusfri", t["Alle aktiviteter på Frivillig er rusfrie. Bekreft det for å publisere."]);
        }
    }

    /// <summary>The form's description fields, trimmed, for <see cref="Activity.Draft"/> and <see cref="Activity.Edit"/>.</summary>
    public ActivityDetails Details() => new(Title.Trim(), Blank(Summary), Blank(Description), Category!, TargetGroups, Accessibility, Blank(Languages),
        Place.Trim(), Blank(Contact), IsDropIn, Capacity, PriceNok, Rusfri, PostalAddress.From(StreetAddress, PostalCode, City));

    /// <summary>The first date as instants in the municipality's zone, and how it repeats.</summary>
    public Series Series(MunicipalClock clock) => new(clock.ToUtc(Date!.Value, StartTime!.Value), clock.ToUtc(Date!.Value, EndTime!.Value),
        new RecurrenceRule(Frequency, Frequency == RecurrenceFrequency.None ? null : Until, Frequency == RecurrenceFrequency.None ? null : Count));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Refuses Markdown nested deeper than the parser takes, so a saved description always shows.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RenderableMarkdownAttribute : ValidationAttribute
{
    public RenderableMarkdownAttribute()
    {
        ErrorMessage = "Beskrivelsen har for mange nivåer inni hverandre (sitater, lister eller klammer). Forenkle den.";
    }

    public override bool IsValid(object? value) => MarkdownText.IsRenderable(value as string);
}
